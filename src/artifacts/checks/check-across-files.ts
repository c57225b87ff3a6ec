import type { Diagnostic } from '../../domain/errors/index.js';
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
  return checkPlanningSymbols(symbols, createSiteLocator(readable.map((file) => file.source)));
}
