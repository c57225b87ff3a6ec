import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The sha256 (hex) of a file of the workspace, streamed; null when it does not exist, or when the
 * path (or a symlink on the way) leads outside the workspace: such a path is never read.
 */
export async function hashWorkspaceFile(workspace: string, path: string): Promise<string | null> {
  const root = resolve(workspace);
  const full = resolve(root, path);
  if (!isInside(root, full)) return null;
  try {
    const real = await realpath(full);
    if (!isInside(await realpath(root), real)) return null;
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(real)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } catch {
    return null;
  }
}

function isInside(root: string, path: string): boolean {
  const rest = relative(root, path);
  return rest === '' || (!rest.startsWith(`..${sep}`) && rest !== '..' && !isAbsolute(rest));
}
