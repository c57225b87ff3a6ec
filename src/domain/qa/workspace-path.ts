/** A path a planning file gives, checked to stay inside the workspace. */
export type WorkspacePathResult = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Normalises a workspace-relative path (`./reports//junit.xml` → `reports/junit.xml`, `\` read as
 * `/`) and refuses what could leave the workspace or name no file: absolute paths, drive letters,
 * `..` above the workspace, NUL bytes, the workspace itself. Symbolic links are the shell's to check.
 *
 * @example workspacePath('../secrets.xml') // { ok: false, reason: 'leaves the workspace' }
 */
export function workspacePath(raw: string): WorkspacePathResult {
  const text = raw.trim().replace(/\\/g, '/');
  if (text === '') return { ok: false, reason: 'is empty' };
  if (text.includes('\u0000')) return { ok: false, reason: 'holds a NUL byte' };
  if (text.startsWith('/') || /^[A-Za-z]:/.test(text)) return { ok: false, reason: 'is absolute: name it relative to the workspace' };
  const segments: string[] = [];
  for (const segment of text.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') segments.push(segment);
    else if (segments.pop() === undefined) return { ok: false, reason: 'leaves the workspace' };
  }
  if (segments.length === 0) return { ok: false, reason: 'names the workspace itself, not a file in it' };
  return { ok: true, path: segments.join('/') };
}
