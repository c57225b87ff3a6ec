/**
 * `path` resolved against the absolute folder `base`, POSIX style: `.` and `..` segments applied
 * (`..` at the root stays at the root), repeated and trailing slashes dropped. Pure string work: no
 * symlink is followed (the shell checks those with `realpath`).
 *
 * @example resolvePosixPath('/work/ws', 'src/../../outside.txt') // '/work/outside.txt'
 */
export function resolvePosixPath(base: string, path: string): string {
  const segments: string[] = [];
  const start = path.startsWith('/') ? path : `${base}/${path}`;
  for (const segment of start.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join('/')}`;
}

/** Is the absolute, resolved `path` the folder `folder` or inside it? */
export function isWithinFolder(folder: string, path: string): boolean {
  const root = resolvePosixPath('/', folder);
  return root === '/' || path === root || path.startsWith(`${root}/`);
}
