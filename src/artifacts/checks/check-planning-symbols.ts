import type { Diagnostic } from '../../domain/errors/index.js';
import { checkDependencyCycles } from './check-dependency-cycles.js';
import { checkDuplicateIds } from './check-duplicate-ids.js';
import { checkMachineIds } from './check-machine-ids.js';
import { checkReferences } from './check-references.js';
import type { PlanningSymbols } from './planning-symbols.js';
import type { SiteLocator } from './site-locator.js';

/** Every check over the names planning files define and use: references, duplicate ids, cycles, machine ids. */
export function checkPlanningSymbols(symbols: PlanningSymbols, locator: SiteLocator): Diagnostic[] {
  return [...checkDuplicateIds(symbols, locator), ...checkReferences(symbols, locator), ...checkDependencyCycles(symbols, locator), ...checkMachineIds(symbols, locator)];
}
