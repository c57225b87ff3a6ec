import { describe, expect, it } from 'vitest';
import { sprintEvidenceScope } from '../../evidence/evidence-scope.js';
import { createEventLog } from '../../evidence/testing/index.js';
import { given } from '../testing/index.js';

const sprint = sprintEvidenceScope({ id: 'sprint-2025-05-MVP1', features: ['BookingFlow', 'Notifications'] });

describe('traceMatrixComplete / sprint-trace-matrix.complete / traceValidated', () => {
  const log = createEventLog({ sprintId: 'sprint-2025-05-MVP1' });
  const booking = [
    log.event('ArtifactProduced', { path: 'BookAppointmentHandler.cs', commits: ['git:a1b2c3'] }, { featureId: 'BookingFlow' }),
    log.event('TestCasesGenerated', { tests: ['booking-api.feature'], coverage: '94%' }, { featureId: 'BookingFlow' }),
  ];

  it('given every link for every feature (commits through a pull request count), passes under each name', () => {
    const events = [
      ...booking,
      log.event('ArtifactReady', { path: 'EmailSender.cs' }, { featureId: 'Notifications' }),
      log.event('PullRequestCreated', { id: 7, commits: ['d4e5f6'] }, { featureId: 'Notifications' }),
      log.event('TestRunCompleted', { suite: 'email.feature', passed: 3 }, { featureId: 'Notifications' }),
      log.event('CoverageReported', { coverage: 91 }, { featureId: 'Notifications' }),
    ];
    for (const name of ['traceMatrixComplete', 'sprint-trace-matrix.complete', 'traceValidated']) {
      expect(given(sprint, events).when(name)).toMatchObject({
        gate: 'traceMatrixComplete',
        written: name,
        passed: true,
        reason: 'all 2 features link a file, a commit, a test and their coverage',
      });
    }
  });

  it('given missing links, fails listing each missing link per feature', () => {
    const events = [...booking.slice(0, 1), log.event('CoverageReported', { coverage: 70 }, { featureId: 'Notifications' })];
    const result = given(sprint, events).when('traceMatrixComplete');
    expect(result.passed).toBe(false);
    expect(result.reason).toBe('BookingFlow: no test, no coverage; Notifications: no produced file, no commit, no test');
    expect(result.evidence['features']).toEqual([
      { featureId: 'BookingFlow', files: ['BookAppointmentHandler.cs'], commits: ['a1b2c3'], tests: [], coverage: null, missing: ['no test', 'no coverage'] },
      { featureId: 'Notifications', files: [], commits: [], tests: [], coverage: 70, missing: ['no produced file', 'no commit', 'no test'] },
    ]);
  });

  it('given nothing at all, fails on every link of every feature', () => {
    expect(given(sprint, []).when('traceValidated').reason).toBe(
      'BookingFlow: no produced file, no commit, no test, no coverage; Notifications: no produced file, no commit, no test, no coverage',
    );
  });

  it('given a scope without features, fails: there is nothing to trace', () => {
    expect(given(sprintEvidenceScope({ id: 's', features: [] }), []).when('traceMatrixComplete')).toMatchObject({ passed: false, reason: 'no feature to trace in sprint s' });
  });
});
