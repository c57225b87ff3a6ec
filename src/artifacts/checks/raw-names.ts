import type { PathSegment } from '../source/format-path.js';

/** A name found in unvalidated data, with its path. */
export interface RawName {
  name: string;
  path: PathSegment[];
}

/**
 * The names in a value that should be a name or a list of names, read defensively (the file may
 * have schema errors; anything that is not text is skipped).
 */
export function rawNames(value: unknown, path: PathSegment[]): RawName[] {
  if (typeof value === 'string') return [{ name: value, path }];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown, index) => (typeof item === 'string' ? [{ name: item, path: [...path, index] }] : []));
}
