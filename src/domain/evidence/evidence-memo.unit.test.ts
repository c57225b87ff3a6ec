import { describe, expect, it } from 'vitest';
import { evaluateGate } from '../gates/evaluate-gate.js';
import { sprintEvidenceScope } from './evidence-scope.js';
import { commitShasOf } from './feature-links.js';
import { foldEvidence } from './fold-evidence.js';
import { inBatch } from './read-json.js';
import { requiredFeatures } from './required-features.js';
import { emptyEvidence, type ScopeEvidence } from './scope-evidence.js';
import { createEventLog } from './testing/index.js';

describe('what is computed from evidence updated in place', () => {
  it('follows the evidence a batch changes in place: pull request commits, required features, CEL views', () => {
    const log = createEventLog({ sprintId: 'sprint-3' });
    const owned = new WeakSet<object>();
    let evidence: ScopeEvidence = emptyEvidence(sprintEvidenceScope({ id: 'sprint-3', features: ['A', 'B'] }));
    const fold = (...events: ReturnType<typeof log.event>[]): void => inBatch(() => {
      for (const event of events) evidence = foldEvidence(evidence, event);
    }, owned);
    fold(log.event('PullRequestCreated', { id: 1, commits: ['c1'] }, { featureId: 'A' }));
    const first = evidence;
    expect(commitShasOf(evidence, 'A')).toEqual(['c1']);
    expect(requiredFeatures(evidence).required).toEqual(['A', 'B']);
    expect(evaluateGate({ gate: 'expr', written: 'expr', param: 'features.exists(f, f.id == "A" && size(f.files) > 0)' }, evidence).passed).toBe(false);
    fold(
      log.event('PullRequestCreated', { id: 2, commits: ['c2'] }, { featureId: 'A' }),
      log.event('FeatureDeferred', { reason: 'later' }, { featureId: 'B' }),
      log.event('ArtifactProduced', { path: 'a.ts' }, { featureId: 'A' }),
    );
    expect(evidence).toBe(first); // the same object, changed in place
    expect(commitShasOf(evidence, 'A')).toEqual(['c1', 'c2']);
    expect(requiredFeatures(evidence).deferred).toEqual(['B']);
    expect(evaluateGate({ gate: 'expr', written: 'expr', param: 'features.exists(f, f.id == "A" && size(f.files) > 0)' }, evidence).passed).toBe(true);
  });
});
