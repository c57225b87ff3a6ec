import { describe, expect, it } from 'vitest';
import { milestoneEvidenceScope, sprintEvidenceScope } from '../../evidence/evidence-scope.js';
import { createEventLog } from '../../evidence/testing/index.js';
import { given } from '../testing/index.js';

const sprint = sprintEvidenceScope({ id: 'sprint-3', features: ['BookingFlow'] });

describe('blueprintValidated', () => {
  it('given a BlueprintValidated, passes; given none, fails; given a later invalid one, fails', () => {
    const log = createEventLog({ sprintId: 'sprint-3' });
    const valid = log.event('BlueprintValidated', { blueprintId: 'booking-service' });
    expect(given(sprint, [valid]).when('blueprintValidated')).toMatchObject({ passed: true, reason: 'blueprint booking-service validated (position 1)' });
    expect(given(sprint, []).when('blueprintValidated')).toMatchObject({ passed: false, reason: 'no BlueprintValidated recorded for sprint sprint-3' });
    const invalid = log.event('BlueprintValidated', { valid: false });
    expect(given(sprint, [valid, invalid]).when('blueprintValidated').reason).toBe('the latest BlueprintValidated (position 2) reports the blueprint invalid');
  });
});

describe('allSprintsClosed', () => {
  const milestone = milestoneEvidenceScope({ id: 'mvp-core', requiredFeatures: [], parallelStreams: [], allowsDeferred: false }, [
    { id: 'sprint-1', milestone: 'mvp-core', features: [] },
    { id: 'sprint-2', milestone: 'mvp-core', features: [] },
  ]);

  it('given every sprint closed, passes', () => {
    const log = createEventLog({ milestoneId: 'mvp-core' });
    const result = given(milestone, [log.event('SprintClosed', {}, { sprintId: 'sprint-1' }), log.event('SprintClosed', {}, { sprintId: 'sprint-2' })]).when('allSprintsClosed');
    expect(result).toMatchObject({ passed: true, reason: 'all 2 sprints closed' });
  });

  it('given an open, an aborted, a rewound and an unstarted sprint, fails naming each', () => {
    const log = createEventLog({ milestoneId: 'mvp-core' });
    const result = given(milestone, [
      log.event('SprintStarted', {}, { sprintId: 'sprint-2' }),
      log.event('SprintPlanned', {}, { sprintId: 'sprint-3' }),
      log.event('SprintAborted', {}, { sprintId: 'sprint-4' }),
      log.event('SprintClosed', {}, { sprintId: 'sprint-5' }),
      log.event('SprintRewound', { to: 'Active' }, { sprintId: 'sprint-5' }),
    ]).when('allSprintsClosed');
    expect(result.reason).toBe('5 of 5 sprints not closed: sprint-1 not started, sprint-2 open, sprint-3 not started, sprint-4 aborted, sprint-5 open (rewound at position 5)');
  });

  it('given a milestone without sprints, fails', () => {
    const empty = milestoneEvidenceScope({ id: 'm', requiredFeatures: [], parallelStreams: [], allowsDeferred: false }, []);
    expect(given(empty, []).when('allSprintsClosed')).toMatchObject({ passed: false, reason: 'milestone m has no sprints' });
  });
});

describe('allStreamsReady', () => {
  const onboarding = (allowsDeferred: boolean) =>
    milestoneEvidenceScope({ id: 'onboarding-v2', requiredFeatures: [], parallelStreams: ['UserSignupFlow', 'MobilePushFlow', 'AdminApproval'], allowsDeferred }, []);

  it('given every stream ready, passes; a deferred stream is excused where deferral is allowed', () => {
    const log = createEventLog({ milestoneId: 'onboarding-v2' });
    const events = [
      log.event('SprintClosed', { stream: 'UserSignupFlow' }, { sprintId: 'sprint-5' }),
      log.event('SprintClosed', {}, { sprintId: 'sprint-6', moduleId: 'MobilePushFlow' }),
      log.event('FeatureDeferred', {}, { featureId: 'AdminApproval' }),
    ];
    expect(given(onboarding(true), events).when('allStreamsReady')).toMatchObject({ passed: true, reason: 'all 2 streams ready (1 deferred: AdminApproval)' });
    expect(given(onboarding(false), events).when('allStreamsReady')).toMatchObject({
      passed: false,
      reason: '1 of 3 streams not ready: AdminApproval (no SprintClosed names it, no feature of that name completed)',
    });
  });

  it('given a scope without parallel streams, fails', () => {
    expect(given(sprint, []).when('allStreamsReady')).toMatchObject({ passed: false, reason: 'sprint sprint-3 declares no parallelStreams' });
  });
});
