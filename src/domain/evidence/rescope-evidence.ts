import type { EvidenceScope } from './evidence-scope.js';
import { isInScopeFeature, isInScopeSprint, widenScope } from './evidence-scope.js';
import { withEntry, withMember, withMembers } from './read-json.js';
import { emptyFeature, unstartedSprint, type ScopeEvidence, type SprintEvidence } from './scope-evidence.js';

/**
 * The evidence of a scope whose definition changed (a sprint planned for a milestone, a feature
 * added to a sprint): the new scope, what was folded so far, and empty entries for new members.
 * Evidence of members that left the scope is kept; the gates read only the scope's members.
 */
export function rescopeEvidence(evidence: ScopeEvidence, scope: EvidenceScope): ScopeEvidence {
  const features = withMissing(evidence.features, scope.features, (featureId) => emptyFeature(featureId));
  const sprints = withMissing<SprintEvidence>(evidence.sprints, scope.sprints, unstartedSprint);
  const streams = withMissing(evidence.streams, scope.parallelStreams, (name) => ({ name, ready: false }));
  return {
    ...evidence,
    scope: { kind: scope.kind, id: scope.id, features: [...scope.features], sprints: [...scope.sprints], parallelStreams: [...scope.parallelStreams], allowsDeferred: scope.allowsDeferred },
    features,
    sprints,
    streams,
  };
}

/**
 * The evidence of a milestone that `sprintIds` (with `featureIds`) join: its scope widened, at the
 * cost of what they add. Their entries are left to the sprints' own evidence, which the milestone's
 * merges (`mergeEvidence`); `withScopeEntries` adds what is still missing once merged.
 */
export function joinScope(evidence: ScopeEvidence, sprintIds: readonly string[], featureIds: readonly string[]): ScopeEvidence {
  const { scope } = evidence;
  const sprints = sprintIds.filter((id, index) => !isInScopeSprint(scope, id) && sprintIds.indexOf(id) === index);
  const features = featureIds.filter((id, index) => !isInScopeFeature(scope, id) && featureIds.indexOf(id) === index);
  if (sprints.length === 0 && features.length === 0) return evidence;
  return withMember(evidence, 'scope', widenScope(scope, sprints, features));
}

/**
 * `evidence` with an entry for each feature and sprint of its scope that has none (empty, as
 * `emptyEvidence` makes them): with `joinScope`, what `rescopeEvidence` gives.
 */
export function withScopeEntries(evidence: ScopeEvidence): ScopeEvidence {
  const features = withMissing(evidence.features, evidence.scope.features, (featureId) => emptyFeature(featureId));
  const sprints = withMissing<SprintEvidence>(evidence.sprints, evidence.scope.sprints, unstartedSprint);
  if (features === evidence.features && sprints === evidence.sprints) return evidence;
  return withMembers(evidence, { features, sprints });
}

/** `record` with an entry for each missing key (one copy, only when something is missing). */
function withMissing<T>(record: Readonly<Record<string, T>>, keys: readonly string[], make: (key: string) => T): Record<string, T> {
  let copy: Record<string, T> | undefined;
  for (const key of keys) {
    if (Object.hasOwn(record, key)) continue;
    // Inside a batch the record is copied once and then set in place; outside, each missing key
    // copies (they are few: the features of one sprint joining a milestone).
    copy = withEntry(copy ?? record, key, make(key));
  }
  return copy ?? (record as Record<string, T>);
}
