import { describe, expect, it } from 'vitest';
import { milestoneEvidenceScope } from '../../evidence/evidence-scope.js';
import { createEventLog } from '../../evidence/testing/index.js';
import { given } from '../testing/index.js';

const milestone = milestoneEvidenceScope({ id: 'qa-hardening', requiredFeatures: [], parallelStreams: [], allowsDeferred: false }, [
  { id: 'sprint-3', milestone: 'qa-hardening', features: [] },
  { id: 'sprint-4', milestone: 'qa-hardening', features: [] },
]);

describe('resilienceScoreAbove', () => {
  it('given the spec\'s `resilienceScoreAbove: 85` and a score of 91, passes', () => {
    const log = createEventLog({ milestoneId: 'qa-hardening' });
    const result = given(milestone, [log.event('ValidationPassed', { validation: 'chaos', resilienceScore: 91 })]).when({ resilienceScoreAbove: 85 });
    expect(result).toMatchObject({ gate: 'resilienceScoreAbove', param: 85, passed: true, reason: 'resilience score 91 ≥ 85' });
  });

  it('given one sprint below the threshold, fails naming it', () => {
    const log = createEventLog();
    const result = given(milestone, [
      log.event('ValidationPassed', { resilienceScore: '90%' }, { sprintId: 'sprint-3' }),
      log.event('ValidationPassed', { resilienceScore: 70 }, { sprintId: 'sprint-4' }),
    ]).when({ resilienceScoreAbove: 85 });
    expect(result).toMatchObject({ passed: false, reason: 'resilience score 70 < 85 (sprint-4)' });
    expect(result.evidence['scores']).toEqual([
      { source: 'sprint-3', score: 90, position: 1 },
      { source: 'sprint-4', score: 70, position: 2 },
    ]);
  });

  it('given no score, fails saying which event carries one', () => {
    expect(given(milestone, []).when({ resilienceScoreAbove: 85 })).toMatchObject({
      passed: false,
      reason: 'no resilience score reported for milestone qa-hardening (a ValidationPassed with resilienceScore)',
    });
  });
});
