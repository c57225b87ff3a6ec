import { readFile } from 'node:fs/promises';

/** A file's text, or undefined when there is no such file (any other failure is thrown). */
export async function readTextIfAny(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw error;
  }
}
