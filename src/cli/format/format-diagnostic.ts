import { relative, isAbsolute } from 'node:path';
import type { Diagnostic } from '../../domain/errors/index.js';

/**
 * One diagnostic as a compiler would print it:
 * `planning/milestones.yaml:12:7: error: unknown gate allTestPassed (at milestones[0].gateConditions[1])`.
 */
export function formatDiagnostic(diagnostic: Diagnostic, cwd: string = process.cwd()): string {
  const file = displayPath(diagnostic.file, cwd);
  const where = diagnostic.path === '' ? '' : ` (at ${diagnostic.path})`;
  return `${file}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.severity}: ${diagnostic.message}${where}`;
}

/** A path relative to `cwd` when it lies below it, else as given. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  if (!isAbsolute(file)) return file;
  const shown = relative(cwd, file);
  return shown === '' || shown.startsWith('..') ? file : shown;
}
