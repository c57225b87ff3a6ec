import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

let counter = 0;

/** Writes a file so that a reader (or a crash) sees the old content or the new, never half of it. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${counter++}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, path);
}
