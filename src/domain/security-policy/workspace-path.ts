/**
 * A path written in a planning file, as a normalised path relative to the workspace (`/`
 * separated, no `.` segments, no trailing slash; `''` for the workspace itself), or `undefined`
 * when it is absolute or climbs out of the workspace with `..`.
 *
 * @example workspacePath('./src//app/../main.ts') === 'src/main.ts'; workspacePath('../secrets') === undefined
 */
export function workspacePath(path: string): string | undefined {
  if (isAbsolutePath(path)) return undefined;
  const kept: string[] = [];
  for (const segment of path.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (kept.length === 0) return undefined;
      kept.pop();
      continue;
    }
    kept.push(segment);
  }
  return kept.join('/');
}

/** Is `path` absolute: rooted (`/x`, `\x`), a drive (`C:`), or a home folder (`~`)? */
export function isAbsolutePath(path: string): boolean {
  return /^[/\\~]/.test(path) || /^[A-Za-z]:/.test(path);
}
