import { ValidationError, type Diagnostic } from '../../domain/errors/index.js';
import type { LineColumn } from '../../artifacts/source/line-column-at.js';

/** A `ValidationError` for a report file, located at `at` (the start of the file by default). */
export function invalidReport(file: string, message: string, at: LineColumn = { line: 1, column: 1 }, cause?: unknown): ValidationError {
  const diagnostic: Diagnostic = { severity: 'error', file, line: at.line, column: at.column, message, path: '' };
  return new ValidationError([diagnostic], cause === undefined ? {} : { cause });
}
