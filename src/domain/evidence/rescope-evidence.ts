import type { EvidenceScope } from './evidence-scope.js';
import { emptyEvidence, type ScopeEvidence } from './scope-evidence.js';

/**
 * The evidence of a scope whose definition changed (a sprint planned for a milestone, a feature
 * added to a sprint): the new scope, what was folded so far, and empty entries for new members.
 * Evidence of members that left the scope is kept; the gates read only the scope's members.
 */
export function rescopeEvidence(evidence: ScopeEvidence, scope: EvidenceScope): ScopeEvidence {
  const fresh = emptyEvidence(scope);
  return {
    ...evidence,
    scope: fresh.scope,
    features: { ...fresh.features, ...evidence.features },
    sprints: { ...fresh.sprints, ...evidence.sprints },
    streams: { ...fresh.streams, ...evidence.streams },
  };
}
