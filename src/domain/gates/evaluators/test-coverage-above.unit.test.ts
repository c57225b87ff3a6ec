import { describe, expect, it } from 'vitest';
import { milestoneEvidenceScope, sprintEvidenceScope } from '../../evidence/evidence-scope.js';
import { collectEvidence } from '../../evidence/fold-evidence.js';
import { createEventLog } from '../../evidence/testing/index.js';
import { evaluateGate } from '../evaluate-gate.js';
import { given } from '../testing/index.js';

const sprint = sprintEvidenceScope({ id: 'sprint-3', features: ['BookingFlow', 'Auth.Login'] });

describe('testCoverageAbove', () => {
  const log = createEventLog({ sprintId: 'sprint-3' });
  const events = [
    log.event('CoverageReported', { coverage: '94%' }, { featureId: 'BookingFlow' }),
    log.event('CoverageReported', { coverage: 84 }, { featureId: 'Auth.Login' }),
  ];

  it('given a feature below the threshold, fails saying "Auth.Login coverage 84% < 90%", in both spellings of the gate', () => {
    for (const condition of ['testCoverageAbove90', { testCoverageAbove: 90 }, { testCoverageAbove: '90%' }]) {
      const result = given(sprint, events).when(condition);
      expect(result).toMatchObject({ gate: 'testCoverageAbove', param: 90, passed: false, reason: 'Auth.Login coverage 84% < 90%' });
      expect(result.evidence).toEqual({ threshold: 90, features: [{ featureId: 'BookingFlow', coverage: 94 }, { featureId: 'Auth.Login', coverage: 84 }], deferred: [] });
    }
  });

  it('given every feature at or above the threshold, passes naming the lowest', () => {
    expect(given(sprint, events).when({ testCoverageAbove: 84 })).toMatchObject({ passed: true, reason: 'coverage of 2 features ≥ 84% (lowest Auth.Login 84%)' });
  });

  it('given the latest report raising coverage, the latest counts', () => {
    const raised = [...events, log.event('CoverageReported', { coverage: 91.25 }, { featureId: 'Auth.Login' })];
    expect(given(sprint, raised).when('testCoverageAbove90')).toMatchObject({ passed: true, reason: 'coverage of 2 features ≥ 90% (lowest Auth.Login 91.25%)' });
  });

  it('given a feature without coverage, fails; a scope-wide report does not stand in for it but is mentioned', () => {
    const result = given(sprint, [events[0]!, log.event('CoverageReported', { coverage: 92 })]).when('testCoverageAbove90');
    expect(result).toMatchObject({ passed: false, reason: 'Auth.Login: no coverage reported (a scope-wide 92% names no feature)' });
  });

  it('given a milestone declaring no features, judges the scope-wide report, and fails without one', () => {
    const scope = milestoneEvidenceScope({ id: 'qa-hardening', requiredFeatures: [], parallelStreams: [], allowsDeferred: false }, []);
    const qa = createEventLog({ milestoneId: 'qa-hardening' });
    expect(given(scope, []).when('testCoverageAbove90')).toMatchObject({ passed: false, reason: 'no coverage reported for milestone qa-hardening' });
    expect(given(scope, [qa.event('CoverageReported', { coverage: '95%' })]).when('testCoverageAbove90')).toMatchObject({
      passed: true,
      reason: 'coverage of milestone qa-hardening ≥ 90% (95%)',
    });
  });

  it('given a reference without a usable number, fails instead of throwing', () => {
    const result = evaluateGate({ gate: 'testCoverageAbove', written: 'testCoverageAbove' }, collectEvidence(sprint, events));
    expect(result).toMatchObject({ passed: false, reason: 'testCoverageAbove needs a number, as in `testCoverageAbove: 90`' });
  });
});
