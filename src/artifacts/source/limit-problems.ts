import type { Diagnostic } from '../../domain/errors/index.js';

/** Most problems one stage of validation reports per file; the rest are counted, not listed. */
export const maxProblemsPerStage = 1000;

/**
 * The first `max` problems and how many were left out. Locating and wording a problem costs time,
 * so a hostile file with hundreds of thousands of them is cut short before that work, not after.
 */
export function limitProblems<T>(problems: readonly T[], max = maxProblemsPerStage): { shown: T[]; hidden: number } {
  return { shown: problems.slice(0, max), hidden: Math.max(0, problems.length - max) };
}

/** The line that says how many problems were left out. */
export function hiddenProblems(file: string, hidden: number, severity: Diagnostic['severity']): Diagnostic {
  return { severity, file, line: 1, column: 1, path: '', message: `${hidden} more problems like these are not shown; fix the ones shown first` };
}
