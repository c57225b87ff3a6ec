import type { Diagnostic } from '../../domain/errors/index.js';
import { roleKey } from '../../domain/planning/role-key.js';
import { closestMatch } from '../../domain/text/closest-match.js';
import type { PlanningSymbols, SymbolReference } from './planning-symbols.js';
import type { SiteLocator } from './site-locator.js';

const missing: Readonly<Record<SymbolReference['namespace'], string>> = {
  milestone: 'which milestones.yaml does not define',
  feature: 'which features.yaml does not define',
  role: 'which no agent in agents.yaml provides',
};

/**
 * Reports every reference to a milestone, feature or agent role that nothing defines, with a
 * did-you-mean. Roles compare loosely (`BackendDeveloper` is `backend-developer`). References into a
 * namespace no file provides are skipped: the file they need is absent.
 */
export function checkReferences(symbols: PlanningSymbols, locator: SiteLocator): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const names = (namespace: string): string[] => [...new Set(symbols.definitions.filter((d) => d.namespace === namespace).map((d) => d.id))];
  const defined = {
    milestone: new Set(names('milestone')),
    feature: new Set(names('feature')),
    role: new Set(names('role').map(roleKey)),
  };
  for (const reference of symbols.references) {
    if (!symbols.provided.includes(reference.namespace)) continue;
    const key = reference.namespace === 'role' ? roleKey(reference.id) : reference.id;
    if (defined[reference.namespace].has(key)) continue;
    const suggestion = closestMatch(reference.id, names(reference.namespace));
    const hint = suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
    const message = `${reference.subject} ${reference.id}, ${missing[reference.namespace]}${hint}${reference.consequence ?? ''}`;
    diagnostics.push(locator.diagnose(reference, reference.severity, message));
  }
  return diagnostics;
}
