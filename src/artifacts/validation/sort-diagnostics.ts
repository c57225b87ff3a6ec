import type { Diagnostic } from '../../domain/errors/index.js';

/** Diagnostics in reading order: by file, then line, then column (stable otherwise). */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}
