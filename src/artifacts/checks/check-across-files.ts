import type { Diagnostic } from '../../domain/errors/index.js';
import { hiddenProblems, limitProblems } from '../source/limit-problems.js';
import type { CheckedFile } from '../validation/checked-file.js';
import { checkPlanningSymbols } from './check-planning-symbols.js';
import { mergeSymbols } from './planning-symbols.js';
import { createSiteLocator } from './site-locator.js';
import { symbolsOf } from './symbols-of.js';

/**
 * Runs the checks that look across planning files (references, duplicate ids, dependency cycles)
 * over every readable file given, including files with schema errors, so one broken entry does not
 * hide the others' problems. Given one file, it checks what that file alone can tell.
 */
export function checkAcrossFiles(files: readonly CheckedFile[]): Diagnostic[] {
  const readable = files.filter((file) => file.source.readable);
  const symbols = mergeSymbols(readable.flatMap((file) => (file.kind === undefined ? [] : [symbolsOf(file.kind, file.source.value, file.file)])));
  const diagnostics = checkPlanningSymbols(symbols, createSiteLocator(readable.map((file) => file.source)));
  return limitPerFile(diagnostics);
}

/** At most `maxProblemsPerStage` cross-file problems per file, and a line counting the rest. */
function limitPerFile(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const list = byFile.get(diagnostic.file);
    if (list === undefined) byFile.set(diagnostic.file, [diagnostic]);
    else list.push(diagnostic);
  }
  const limited: Diagnostic[] = [];
  for (const [file, list] of byFile) {
    const { shown, hidden } = limitProblems(list);
    for (const diagnostic of shown) limited.push(diagnostic);
    if (hidden > 0) limited.push(hiddenProblems(file, hidden, list.slice(shown.length).some((d) => d.severity === 'error') ? 'error' : 'warning'));
  }
  return limited;
}
