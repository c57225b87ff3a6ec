import type { Diagnostic } from '../../domain/errors/index.js';
import { roleKey } from '../../domain/planning/role-key.js';
import type { PlanningSymbols, SymbolReference } from './planning-symbols.js';
import type { SiteLocator } from './site-locator.js';
import { createSuggester } from './suggester.js';

type ReferenceNamespace = SymbolReference['namespace'];

const missing: Readonly<Record<ReferenceNamespace, string>> = {
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
  const names = (namespace: ReferenceNamespace): string[] => [...new Set(symbols.definitions.filter((d) => d.namespace === namespace).map((d) => d.id))];
  const keyOf = (namespace: ReferenceNamespace, id: string): string => (namespace === 'role' ? roleKey(id) : id);
  const namespaces = (['milestone', 'feature', 'role'] as const).map((namespace) => {
    const defined = names(namespace);
    return [namespace, { keys: new Set(defined.map((id) => keyOf(namespace, id))), suggest: createSuggester(defined) }] as const;
  });
  const byNamespace = new Map(namespaces);
  const diagnostics: Diagnostic[] = [];
  for (const reference of symbols.references) {
    const known = byNamespace.get(reference.namespace);
    if (known === undefined || !symbols.provided.includes(reference.namespace)) continue;
    if (known.keys.has(keyOf(reference.namespace, reference.id))) continue;
    const message = `${reference.subject} ${reference.id}, ${missing[reference.namespace]}${known.suggest(reference.id)}${reference.consequence ?? ''}`;
    diagnostics.push(locator.diagnose(reference, reference.severity, message));
  }
  return diagnostics;
}
