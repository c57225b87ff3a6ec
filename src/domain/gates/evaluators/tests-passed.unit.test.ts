import { describe, expect, it } from 'vitest';
import { milestoneEvidenceScope, sprintEvidenceScope } from '../../evidence/evidence-scope.js';
import { createEventLog } from '../../evidence/testing/index.js';
import { given } from '../testing/index.js';

const sprint = sprintEvidenceScope({ id: 'sprint-3', features: ['BookingFlow', 'Auth.Login'] });

describe('testsPassed / allTestsPass / allTestsPassed', () => {
  it('given a passing latest run for every feature, passes under each of its names', () => {
    const log = createEventLog({ sprintId: 'sprint-3' });
    const events = [
      log.event('TestRunCompleted', { suite: 'BookAppointment.feature', passed: 11, failed: 1 }, { featureId: 'BookingFlow' }),
      log.event('TestRunCompleted', { suite: 'BookAppointment.feature', passed: 12, failed: 0 }, { featureId: 'BookingFlow' }),
      log.event('TestRunCompleted', { passed: 5, skipped: 1 }, { featureId: 'Auth.Login' }),
    ];
    for (const name of ['testsPassed', 'allTestsPass', 'allTestsPassed']) {
      const result = given(sprint, events).when(name);
      expect(result).toMatchObject({ gate: 'testsPassed', written: name, passed: true, reason: 'latest test runs of 2 features passed (17 tests)' });
    }
  });

  it('given a failing test, fails naming the feature, the suite, the test and its message', () => {
    const log = createEventLog({ sprintId: 'sprint-3' });
    const result = given(sprint, [
      log.event('TestRunCompleted', { suite: 'BookAppointment.feature', passed: 11, failed: 1, failures: [{ name: 'rejects a past date', message: 'expected 400, got 200' }] }, { featureId: 'BookingFlow' }),
      log.event('TestRunCompleted', { passed: 5 }, { featureId: 'Auth.Login' }),
    ]).when('allTestsPassed');
    expect(result.passed).toBe(false);
    expect(result.reason).toBe('BookingFlow: 1 failed of 12 in BookAppointment.feature (rejects a past date: expected 400, got 200)');
    expect(result.evidence['failing']).toEqual([
      { featureId: 'BookingFlow', suite: 'BookAppointment.feature', passed: 11, failed: 1, failures: [{ name: 'rejects a past date', message: 'expected 400, got 200' }], position: 1 },
    ]);
  });

  it('given a feature without any run, fails naming it (missing evidence is not a pass)', () => {
    const log = createEventLog({ sprintId: 'sprint-3' });
    const result = given(sprint, [log.event('TestRunCompleted', { passed: 3 }, { featureId: 'BookingFlow' })]).when('testsPassed');
    expect(result).toMatchObject({ passed: false, reason: 'Auth.Login: no test run' });
    expect(result.evidence['withoutRun']).toEqual(['Auth.Login']);
  });

  it('given a run that executed nothing, or a failing run naming no feature, fails', () => {
    const log = createEventLog({ sprintId: 'sprint-3' });
    const result = given(sprint, [
      log.event('TestRunCompleted', { suite: 'a', passed: 0, failed: 0 }, { featureId: 'BookingFlow' }),
      log.event('TestRunCompleted', { passed: 2 }, { featureId: 'Auth.Login' }),
      log.event('TestRunCompleted', { suite: 'smoke', status: 'failed' }),
    ]).when('testsPassed');
    expect(result.reason).toBe('BookingFlow: latest run in a executed no tests; (no feature) latest run failed in smoke');
  });

  it('given a milestone declaring no features, judges the runs it has, and fails without any', () => {
    const scope = milestoneEvidenceScope({ id: 'qa-hardening', requiredFeatures: [], parallelStreams: [], allowsDeferred: false }, []);
    const log = createEventLog({ milestoneId: 'qa-hardening' });
    expect(given(scope, []).when('allTestsPassed')).toMatchObject({ passed: false, reason: 'no test run recorded for milestone qa-hardening' });
    expect(given(scope, [log.event('TestsPassed', { suite: 'chaos' })]).when('allTestsPassed')).toMatchObject({ passed: true, reason: '1 latest test run passed' });
  });

  it('given every feature deferred, fails: nothing was tested', () => {
    const log = createEventLog({ sprintId: 'sprint-3' });
    const result = given(sprint, [log.event('FeatureDeferred', {}, { featureId: 'BookingFlow' }), log.event('FeatureDeferred', {}, { featureId: 'Auth.Login' })]).when('testsPassed');
    expect(result).toMatchObject({ passed: false, reason: 'all 2 in-scope features deferred and no test run recorded for sprint sprint-3' });
  });
});
