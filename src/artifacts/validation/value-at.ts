import { isRecord } from '../schema/is-record.js';
import type { PathSegment } from '../source/format-path.js';

/** The value at `path` in parsed data, or undefined when the path leads nowhere. */
export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let current = data;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isRecord(current) && Object.hasOwn(current, String(segment))) current = current[String(segment)];
    else return undefined;
  }
  return current;
}
