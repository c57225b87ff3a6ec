import type { Diagnostic } from '../../domain/errors/index.js';
import type { PlanningSymbols, SymbolDefinition } from './planning-symbols.js';
import type { SiteLocator } from './site-locator.js';

/**
 * Reports every id defined more than once in its namespace, within a file or across files (a
 * sprint in both sprints.yaml and sprint-plan.yaml), at each repeat, naming the first. Roles are
 * exempt: many agents may play one role.
 */
export function checkDuplicateIds(symbols: PlanningSymbols, locator: SiteLocator): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const first = new Map<string, SymbolDefinition>();
  for (const definition of symbols.definitions) {
    if (definition.namespace === 'role') continue;
    const key = `${definition.namespace}\u0000${definition.id}`;
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, definition);
      continue;
    }
    const message = `duplicate ${definition.namespace} id ${definition.id} (first defined at ${locator.where(earlier, definition)})`;
    diagnostics.push(locator.diagnose(definition, 'error', message));
  }
  return diagnostics;
}
