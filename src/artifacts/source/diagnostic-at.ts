import type { Diagnostic } from '../../domain/errors/index.js';
import { formatPath, type PathSegment } from './format-path.js';
import { locatePath, type LocationTarget } from './locate-path.js';
import type { LoadedSource } from './loaded-source.js';

/** A diagnostic located at `path` in a loaded file. */
export function diagnosticAt(
  source: LoadedSource,
  severity: Diagnostic['severity'],
  message: string,
  path: readonly PathSegment[],
  target: LocationTarget = 'value',
): Diagnostic {
  const at = locatePath(source, path, target);
  return { severity, file: source.file, line: at.line, column: at.column, message, path: formatPath(path) };
}
