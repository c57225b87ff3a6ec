import { describe, expect, it } from 'vitest';
import { isInScopeFeature, isInScopeSprint, milestoneEvidenceScope, type EvidenceScope } from './evidence-scope.js';
import { foldEvidence } from './fold-evidence.js';
import { inBatch } from './read-json.js';
import { joinScope, rescopeEvidence, withScopeEntries } from './rescope-evidence.js';
import { emptyEvidence, type ScopeEvidence } from './scope-evidence.js';
import { createEventLog } from './testing/index.js';

const milestone = { id: 'mvp', requiredFeatures: ['Login'], parallelStreams: [], allowsDeferred: false };

function startingEvidence(): ScopeEvidence {
  const log = createEventLog({ sprintId: 'sprint-1', milestoneId: 'mvp' });
  const evidence = emptyEvidence(milestoneEvidenceScope(milestone, [{ id: 'sprint-1', milestone: 'mvp', features: ['Login', 'Signup'] }]));
  return foldEvidence(evidence, log.event('ArtifactProduced', { path: 'src/login.ts' }, { featureId: 'Login' }));
}

/** What `attachSprint` did before `joinScope`: the whole scope rebuilt with the sprint appended. */
function rescoped(evidence: ScopeEvidence, sprintId: string, features: readonly string[]): ScopeEvidence {
  const { scope } = evidence;
  const widened: EvidenceScope = {
    ...scope,
    sprints: scope.sprints.includes(sprintId) ? scope.sprints : [...scope.sprints, sprintId],
    features: [...new Set([...scope.features, ...features])],
  };
  return rescopeEvidence(evidence, widened);
}

describe('a sprint joining a milestone (joinScope)', () => {
  it('widens the scope only; with the entries added, gives what rebuilding the scope gives; leaves the evidence it was given alone outside a batch', () => {
    const before = startingEvidence();
    const snapshot = structuredClone(before);
    const joined = joinScope(before, ['sprint-2'], ['Signup', 'Search', 'Search', 'Booking']);
    expect(Object.keys(joined.features)).toEqual(Object.keys(before.features));
    expect(withScopeEntries(joined)).toEqual(rescoped(before, 'sprint-2', ['Signup', 'Search', 'Booking']));
    expect(joined.scope.features).toEqual(['Login', 'Signup', 'Search', 'Booking']);
    expect(joined.scope.sprints).toEqual(['sprint-1', 'sprint-2']);
    expect(before).toEqual(snapshot);
    expect(isInScopeFeature(before.scope, 'Search')).toBe(false);
  });

  it('gives the same inside a batch, where it widens the scope it made in place, membership included', () => {
    const owned = new WeakSet<object>();
    let evidence = startingEvidence();
    const reference = rescoped(rescoped(evidence, 'sprint-2', ['Search']), 'sprint-3', ['Booking', 'Login']);
    expect(isInScopeSprint(evidence.scope, 'sprint-1')).toBe(true); // membership sets built before the batch
    inBatch(() => {
      evidence = joinScope(evidence, ['sprint-2'], ['Search']);
      const widened = evidence.scope;
      evidence = joinScope(evidence, ['sprint-3'], ['Booking', 'Login']);
      expect(evidence.scope).toBe(widened); // the second join widened the first one's copy in place
    }, owned);
    expect(withScopeEntries(evidence)).toEqual(reference);
    expect(['sprint-1', 'sprint-2', 'sprint-3'].map((id) => isInScopeSprint(evidence.scope, id))).toEqual([true, true, true]);
    expect(['Login', 'Signup', 'Search', 'Booking', 'Payments'].map((id) => isInScopeFeature(evidence.scope, id))).toEqual([true, true, true, true, false]);
  });

  it('returns the evidence itself when nothing joins', () => {
    const evidence = startingEvidence();
    expect(joinScope(evidence, ['sprint-1'], ['Login', 'Signup'])).toBe(evidence);
  });
});
