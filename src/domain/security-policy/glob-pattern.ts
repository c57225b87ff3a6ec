import { isAbsolutePath } from './workspace-path.js';

/**
 * A glob over workspace-relative paths, compiled: `**` spans any number of folders (none too), `*`
 * and `?` stay within one path segment, `{a,b}` is one of the alternatives, `[abc]`, `[a-z]` and
 * `[!a]` are character classes. Dot files match like any other (the default excludes keep `.git` out).
 */
export interface GlobPattern {
  glob: string;
  regex: RegExp;
  /** The folder below which every match lies (its leading segments without wildcards); `''` for the workspace. */
  base: string;
}

const magic = /[*?[{]/;

/**
 * What is wrong with a glob written in a planning file: absolute, climbing out with `..`, empty,
 * or with an unclosed `{` or `[`. `undefined` when it is usable.
 */
export function describeGlobProblem(glob: string): string | undefined {
  if (glob.trim() === '') return 'a glob must not be empty';
  if (isAbsolutePath(glob)) return `glob ${glob} is absolute; globs are relative to the workspace`;
  if (glob.replace(/\\/g, '/').split('/').includes('..')) return `glob ${glob} leaves the workspace (..)`;
  for (const segment of glob.replace(/\\/g, '/').split('/')) {
    let braces = 0;
    let inClass = false;
    for (const char of segment) {
      if (inClass) {
        if (char === ']') inClass = false;
        continue;
      }
      if (char === '[') inClass = true;
      else if (char === '{') braces++;
      else if (char === '}') braces--;
      if (braces < 0) return `glob ${glob} closes a { it never opened`;
    }
    if (inClass) return `glob ${glob} has an unclosed [`;
    if (braces > 0) return `glob ${glob} has an unclosed { (alternatives stay within one folder name)`;
  }
  try {
    compileGlob(glob);
  } catch (error) {
    return `glob ${glob} is not valid: ${error instanceof Error ? error.message : String(error)}`;
  }
  return undefined;
}

/**
 * Compiles a glob that `describeGlobProblem` accepts.
 *
 * @example compileGlob('src/**\/*.{ts,js}').regex.test('src/a/b.ts') === true
 */
export function compileGlob(glob: string): GlobPattern {
  const normalised = glob.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+/g, '/');
  const segments = normalised.split('/');
  const baseSegments: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (magic.test(segment)) break;
    baseSegments.push(segment);
  }
  return { glob, regex: new RegExp(`^${segmentsSource(segments)}$`), base: baseSegments.join('/') };
}

/** Does the workspace-relative `path` match the glob? */
export function matchesGlob(path: string, pattern: GlobPattern): boolean {
  return pattern.regex.test(path);
}

/**
 * May a walk skip the folder `dir` (workspace-relative) because every path below it is excluded?
 * True when an exclude ends in `/**` and its folder part matches `dir`.
 */
export function isExcludedFolder(dir: string, excludes: readonly GlobPattern[]): boolean {
  return excludes.some((exclude) => folderPattern(exclude)?.test(dir) === true);
}

const folderPatterns = new WeakMap<GlobPattern, RegExp | null>();

/** The folder part of an exclude ending in `/**`, compiled once; `null` for other excludes. */
function folderPattern(exclude: GlobPattern): RegExp | null {
  let pattern = folderPatterns.get(exclude);
  if (pattern === undefined) {
    pattern = exclude.glob.endsWith('/**') ? compileGlob(exclude.glob.slice(0, -3)).regex : null;
    folderPatterns.set(exclude, pattern);
  }
  return pattern;
}

function segmentsSource(segments: readonly string[]): string {
  return segments
    .map((segment, index) => {
      const last = index === segments.length - 1;
      // `a/**/b` matches a/b too; a trailing `**` matches everything below.
      if (segment === '**') return last ? '.*' : '(?:.*/)?';
      return last ? segmentSource(segment) : `${segmentSource(segment)}/`;
    })
    .join('');
}

function segmentSource(segment: string): string {
  let source = '';
  let index = 0;
  while (index < segment.length) {
    const char = segment[index] as string;
    if (char === '*') {
      source += '[^/]*';
      while (segment[index + 1] === '*') index++;
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '[') {
      const close = segment.indexOf(']', index + 1);
      let body = segment.slice(index + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      source += `[${negated ? '^/' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      index = close;
    } else if (char === '{') {
      const close = matchingBrace(segment, index);
      const alternatives = splitAlternatives(segment.slice(index + 1, close));
      source += `(?:${alternatives.map(segmentSource).join('|')})`;
      index = close;
    } else {
      source += char.replace(/[.+^$()|\\/]/g, '\\$&');
    }
    index++;
  }
  return source;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === '{') depth++;
    else if (text[index] === '}' && --depth === 0) return index;
  }
  return text.length;
}

function splitAlternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of body) {
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    if (char === '{') depth++;
    else if (char === '}') depth--;
    current += char;
  }
  parts.push(current);
  return parts;
}
