import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

let counter = 0;
/** Folders known to exist: creating a folder per write costs a system call each time. */
const madeFolders = new Set<string>();

/** Writes a file so that a reader (or a crash) sees the old content or the new, never half of it. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const folder = dirname(path);
  if (!madeFolders.has(folder)) {
    await mkdir(folder, { recursive: true });
    madeFolders.add(folder);
  }
  const temporary = `${path}.${process.pid}.${counter++}.tmp`;
  try {
    await writeFile(temporary, content);
  } catch (error) {
    // The folder was removed since (a test's temporary workspace, a cleanup): make it again, once.
    if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
    await mkdir(folder, { recursive: true });
    await writeFile(temporary, content);
  }
  await rename(temporary, path);
}
