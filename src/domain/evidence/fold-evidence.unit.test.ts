import { describe, expect, it } from 'vitest';
import { milestoneEvidenceScope, sprintEvidenceScope } from './evidence-scope.js';
import { collectEvidence, evidenceEventTypes, foldEvidence } from './fold-evidence.js';
import { commitShasOf, pullRequestsOf } from './feature-links.js';
import { requiredFeatures } from './required-features.js';
import { emptyEvidence } from './scope-evidence.js';
import { createEventLog } from './testing/index.js';

const sprint = sprintEvidenceScope({ id: 'sprint-3', features: ['BookingFlow', 'Auth.Login'] });

describe('emptyEvidence', () => {
  it('given a sprint scope, holds its features and itself as its sprint, with nothing recorded', () => {
    const evidence = emptyEvidence(sprint);
    expect(Object.keys(evidence.features)).toEqual(['BookingFlow', 'Auth.Login']);
    expect(evidence.features['BookingFlow']).toEqual({ featureId: 'BookingFlow', files: [], commits: [], testFiles: [], testRuns: [], imageIds: [] });
    expect(evidence.sprints).toEqual({ 'sprint-3': { sprintId: 'sprint-3', standing: 'planned', started: false } });
    expect(evidence.lastPosition).toBe(0);
    expect(JSON.parse(JSON.stringify(evidence))).toEqual(evidence);
  });

  it('given a milestone, unites its required features with its sprints\' features', () => {
    const scope = milestoneEvidenceScope(
      { id: 'mvp-core', requiredFeatures: ['BookingFlow'], parallelStreams: [], allowsDeferred: true },
      [
        { id: 'sprint-1', milestone: 'mvp-core', features: ['BookingFlow', 'Auth.Login'] },
        { id: 'sprint-9', milestone: 'other', features: ['Elsewhere'] },
      ],
    );
    expect(scope).toEqual({ kind: 'milestone', id: 'mvp-core', features: ['BookingFlow', 'Auth.Login'], sprints: ['sprint-1'], parallelStreams: [], allowsDeferred: true });
  });
});

describe('foldEvidence: artifacts and commits', () => {
  it('given ArtifactProduced, records the file with agent, skill and execution from the envelope', () => {
    const log = createEventLog({ sprintId: 'sprint-3' });
    const evidence = collectEvidence(sprint, [
      log.event('ArtifactProduced', { path: 'BookAppointmentHandler.cs' }, { featureId: 'BookingFlow', agentId: 'backend-developer', skillId: 'GenerateHandler', executionId: 'x1' }),
    ]);
    expect(evidence.features['BookingFlow']?.files).toEqual([
      { path: 'BookAppointmentHandler.cs', agentId: 'backend-developer', skillId: 'GenerateHandler', executionId: 'x1', ready: false, position: 1, produced: true },
    ]);
    expect(evidence.lastPosition).toBe(1);
  });

  it('given the spec\'s execution-metadata.json as AgentExecutionCompleted, reads the scope members from data and `output` as the file', () => {
    const log = createEventLog();
    const evidence = collectEvidence(sprintEvidenceScope({ id: 'sprint-2025-05-MVP1', features: ['BookingFlow'] }), [
      log.event('AgentExecutionCompleted', {
        agentId: 'backend-developer',
        skillId: 'GenerateHandler',
        traceId: 'trace-abc123',
        sprintId: 'sprint-2025-05-MVP1',
        featureId: 'BookingFlow',
        status: 'Success',
        durationMs: 1842,
        output: 'BookAppointmentHandler.cs',
      }),
      log.event('AgentExecutionCompleted', { sprintId: 'sprint-2025-05-MVP1', featureId: 'BookingFlow', status: 'Failed', output: 'Broken.cs' }),
    ]);
    expect(evidence.features['BookingFlow']?.files.map((file) => [file.path, file.agentId, file.skillId])).toEqual([['BookAppointmentHandler.cs', 'backend-developer', 'GenerateHandler']]);
    expect(evidence.ignored).toEqual([]);
  });

  it('given ArtifactReady before or after ArtifactProduced, the file is ready and attributed to the producer either way', () => {
    const log = createEventLog({ sprintId: 'sprint-3', featureId: 'BookingFlow' });
    const produced = log.event('ArtifactProduced', { path: 'a.cs' }, { agentId: 'backend-developer' });
    const ready = log.event('ArtifactReady', { path: 'a.cs' }, { agentId: 'reviewer' });
    const forward = collectEvidence(sprint, [produced, ready]);
    const backward = collectEvidence(sprint, [ready, produced]);
    expect(forward).toEqual(backward);
    expect(forward.features['BookingFlow']?.files).toEqual([{ path: 'a.cs', agentId: 'backend-developer', ready: true, position: 1, produced: true }]);
  });

  it('given commits as the spec writes them, strips `git:` and reads the message tags', () => {
    const log = createEventLog({ sprintId: 'sprint-3', featureId: 'BookingFlow' });
    const evidence = collectEvidence(sprint, [
      log.event('ArtifactProduced', {
        path: 'BookAppointmentHandler.cs',
        imageId: 'booking-service:1.0.3',
        commits: ['git:a1b2c3', { sha: 'f23f123', message: 'Add BookAppointmentHandler [trace:trace-d8c7 sprint:sprint-3]' }],
      }),
    ]);
    expect(evidence.features['BookingFlow']?.commits).toEqual([
      { sha: 'a1b2c3', tags: [] },
      { sha: 'f23f123', message: 'Add BookAppointmentHandler [trace:trace-d8c7 sprint:sprint-3]', tags: ['sprint:sprint-3', 'trace:trace-d8c7'] },
    ]);
    expect(evidence.features['BookingFlow']?.imageIds).toEqual(['booking-service:1.0.3']);
  });

  it('given an ArtifactProduced that names nothing, ignores it with the reason', () => {
    const log = createEventLog({ sprintId: 'sprint-3', featureId: 'BookingFlow' });
    const evidence = collectEvidence(sprint, [log.event('ArtifactProduced', { path: 42, files: [null, ''] })]);
    expect(evidence.ignored).toEqual([
      { eventId: 'e1', type: 'ArtifactProduced', position: 1, reason: 'ArtifactProduced names no file (path, artifact, output, file or files), image (imageId) or commit (commit, commits)' },
    ]);
    expect(evidence.features['BookingFlow']?.files).toEqual([]);
    expect(evidence.lastPosition).toBe(1);
  });
});

describe('foldEvidence: pull requests', () => {
  it('given a merge recorded before its creation, ends with one merged pull request of the feature, whatever the order', () => {
    const log = createEventLog({ sprintId: 'sprint-3' });
    const created = log.event('PullRequestCreated', { id: 42, branch: 'feature/booking/sprint-3', commits: ['f23f123'] }, { featureId: 'BookingFlow' });
    const merged = log.event('PullRequestMerged', { pullRequestId: '42', mergeCommit: 'a91d3a8' });
    for (const events of [[created, merged], [merged, created]]) {
      const evidence = collectEvidence(sprint, events);
      expect(evidence.pullRequests['42']).toMatchObject({ id: '42', featureId: 'BookingFlow', branch: 'feature/booking/sprint-3', merged: true, mergedPosition: 2, created: true });
      expect(pullRequestsOf(evidence, 'BookingFlow').map((pr) => pr.id)).toEqual(['42']);
      expect(commitShasOf(evidence, 'BookingFlow')).toEqual(['a91d3a8', 'f23f123']);
    }
  });

  it('given a pull request event without an id, ignores it', () => {
    const log = createEventLog({ sprintId: 'sprint-3' });
    const evidence = collectEvidence(sprint, [log.event('PullRequestCreated', { branch: 'x' })]);
    expect(evidence.pullRequests).toEqual({});
    expect(evidence.ignored[0]?.reason).toBe('PullRequestCreated names no pull request (id, pullRequestId or number)');
  });
});

describe('foldEvidence: tests and coverage', () => {
  it('given TestRunCompleted out of order, keeps the latest run of each suite by log position', () => {
    const log = createEventLog({ sprintId: 'sprint-3', featureId: 'BookingFlow' });
    const first = log.event('TestRunCompleted', { suite: 'BookAppointment.feature', passed: 10, failed: 2, failures: [{ name: 'rejects a past date', message: 'expected 400, got 200' }, 'cancels'] });
    const second = log.event('TestRunCompleted', { suite: 'BookAppointment.feature', passed: 12, failed: 0 });
    const evidence = collectEvidence(sprint, [second, first]);
    expect(evidence.features['BookingFlow']?.testRuns).toEqual([{ suite: 'BookAppointment.feature', passed: 12, failed: 0, skipped: 0, failures: [], outcome: 'passed', position: 2 }]);
  });

  it('given failures but no counts, counts the failures; given only `total`, derives passed', () => {
    const log = createEventLog({ sprintId: 'sprint-3', featureId: 'BookingFlow' });
    const evidence = collectEvidence(sprint, [
      log.event('TestRunCompleted', { suite: 'a', failures: [{ test: 'x', error: 'boom' }] }),
      log.event('TestRunCompleted', { suite: 'b', total: 10, failed: 1, skipped: 2 }),
      log.event('TestsPassed', { suite: 'c' }),
      log.event('TestRunCompleted', { suite: 'd', passed: 0, failed: 0 }),
    ]);
    expect(evidence.features['BookingFlow']?.testRuns.map((run) => [run.suite, run.passed, run.failed, run.skipped, run.outcome])).toEqual([
      ['a', 0, 1, 0, 'failed'],
      ['b', 7, 1, 2, 'failed'],
      ['c', 0, 0, 0, 'passed'],
      ['d', 0, 0, 0, 'empty'],
    ]);
    expect(evidence.features['BookingFlow']?.testRuns[0]?.failures).toEqual([{ name: 'x', message: 'boom' }]);
  });

  it('given a TestRunCompleted with neither counts nor status, ignores it', () => {
    const log = createEventLog({ sprintId: 'sprint-3', featureId: 'BookingFlow' });
    const evidence = collectEvidence(sprint, [log.event('TestRunCompleted', { suite: 'a', status: 'maybe' })]);
    expect(evidence.ignored[0]?.reason).toBe('TestRunCompleted gives no counts (passed, failed, skipped, total), no failures and no passed/failed status');
  });

  it('given the spec\'s feature → test link as TestCasesGenerated, records the test files and the "93%" coverage', () => {
    const log = createEventLog({ sprintId: 'sprint-3' });
    const evidence = collectEvidence(sprint, [
      log.event('TestCasesGenerated', { featureId: 'BookingFlow', tests: ['BookAppointment.feature', 'AppointmentAggregateTests.cs'], status: 'complete', coverage: '93%' }),
    ]);
    expect(evidence.features['BookingFlow']?.testFiles).toEqual(['AppointmentAggregateTests.cs', 'BookAppointment.feature']);
    expect(evidence.features['BookingFlow']?.coverage).toEqual({ percent: 93, position: 1 });
  });

  it('given coverage as the trace matrix\'s rows and as a number, keeps the latest per feature', () => {
    const log = createEventLog({ sprintId: 'sprint-3' });
    const evidence = collectEvidence(sprint, [
      log.event('CoverageReported', { features: [{ id: 'BookingFlow', coverage: '94%' }, { featureId: 'Auth.Login', coverage: 88.5 }] }),
      log.event('CoverageReported', { coverage: 84 }, { featureId: 'BookingFlow' }),
    ]);
    expect(evidence.features['BookingFlow']?.coverage).toEqual({ percent: 84, position: 2 });
    expect(evidence.features['Auth.Login']?.coverage).toEqual({ percent: 88.5, position: 1 });
  });

  it('given coverage that is not a percentage, ignores the report', () => {
    const log = createEventLog({ sprintId: 'sprint-3', featureId: 'BookingFlow' });
    const evidence = collectEvidence(sprint, [log.event('CoverageReported', { coverage: '150%' }), log.event('CoverageReported', { coverage: 'lots' })]);
    expect(evidence.features['BookingFlow']?.coverage).toBeUndefined();
    expect(evidence.ignored.map((entry) => entry.eventId)).toEqual(['e1', 'e2']);
  });
});

describe('foldEvidence: security, resilience, blueprint', () => {
  it('given the spec\'s security-audit.json verbatim, records a compliant audit of sprint-4 with its checks', () => {
    const log = createEventLog();
    const scope = sprintEvidenceScope({ id: 'sprint-4', features: [] });
    const evidence = collectEvidence(scope, [
      log.event('SecurityAuditCompleted', {
        sprintId: 'sprint-4',
        traceId: 'trace-91dc',
        issues: [],
        status: 'Compliant',
        validatedBy: 'policy-validator',
        checks: ['CSPHeadersPresent', 'RateLimitingEnabled', 'TokenValidationMiddlewareConfigured', 'TraceSpansAttached'],
      }),
    ]);
    expect(evidence.security.audits['sprint-4']).toEqual({
      source: 'sprint-4',
      status: 'Compliant',
      issues: [],
      checks: ['CSPHeadersPresent', 'RateLimitingEnabled', 'TokenValidationMiddlewareConfigured', 'TraceSpansAttached'],
      failedChecks: [],
      validatedBy: 'policy-validator',
      position: 1,
    });
  });

  it('given an audit with nothing an audit says, ignores it', () => {
    const log = createEventLog({ sprintId: 'sprint-3' });
    const evidence = collectEvidence(sprint, [log.event('SecurityAuditCompleted', { validatedBy: 'x' })]);
    expect(evidence.security.audits).toEqual({});
    expect(evidence.ignored[0]?.reason).toMatch(/^SecurityAuditCompleted gives no status, issues, checks or security flags/);
  });

  it('given ValidationPassed with resilienceScore, keeps the latest score per sprint; a bad score is ignored', () => {
    const log = createEventLog({ sprintId: 'sprint-3' });
    const evidence = collectEvidence(sprint, [
      log.event('ValidationPassed', { validation: 'chaos', resilienceScore: 80 }),
      log.event('ValidationPassed', { validation: 'chaos', resilienceScore: '91%' }),
      log.event('ValidationPassed', { resilienceScore: 'great' }),
    ]);
    expect(evidence.resilience).toEqual({ 'sprint-3': { source: 'sprint-3', score: 91, position: 2 } });
    expect(evidence.validations).toEqual(['chaos']);
    expect(evidence.ignored[0]?.reason).toBe('ValidationPassed resilienceScore "great" is not a number from 0 to 100');
  });

  it('given BlueprintValidated then one with valid: false, the latest decides', () => {
    const log = createEventLog({ sprintId: 'sprint-3' });
    const evidence = collectEvidence(sprint, [log.event('BlueprintValidated', { blueprintId: 'booking' }), log.event('BlueprintValidated', { valid: false })]);
    expect(evidence.blueprint).toEqual({ valid: false, position: 2 });
  });
});

describe('foldEvidence: scope membership', () => {
  it('given an event of another sprint or a non-evidence event, returns the same evidence object', () => {
    const log = createEventLog();
    const evidence = emptyEvidence(sprint);
    expect(foldEvidence(evidence, log.event('ArtifactProduced', { path: 'a' }, { sprintId: 'sprint-4', featureId: 'BookingFlow' }))).toBe(evidence);
    expect(foldEvidence(evidence, log.event('GateEvaluated', {}, { sprintId: 'sprint-3' }))).toBe(evidence);
    expect(foldEvidence(evidence, log.event('ArtifactProduced', { path: 'a' }, { milestoneId: 'mvp-core' }))).toBe(evidence);
  });

  it('given an event on a feature stream of an in-scope feature, counts it; one naming no scope is ignored', () => {
    const log = createEventLog();
    const evidence = collectEvidence(sprint, [
      log.event('ArtifactProduced', { path: 'a.cs' }, { streamId: 'feature-BookingFlow' }),
      log.event('ArtifactProduced', { path: 'b.cs' }),
    ]);
    expect(evidence.features['BookingFlow']?.files.map((file) => file.path)).toEqual(['a.cs']);
    expect(evidence.ignored).toEqual([{ eventId: 'e2', type: 'ArtifactProduced', position: 2, reason: 'ArtifactProduced names no sprintId, milestoneId or featureId, so it belongs to no scope' }]);
  });

  it('given a milestone, unites its sprints\' events with its own and skips other milestones', () => {
    const scope = milestoneEvidenceScope({ id: 'mvp-core', requiredFeatures: ['BookingFlow'], parallelStreams: [], allowsDeferred: false }, [
      { id: 'sprint-1', milestone: 'mvp-core', features: ['BookingFlow'] },
      { id: 'sprint-2', milestone: 'mvp-core', features: ['Auth.Login'] },
    ]);
    const log = createEventLog();
    const evidence = collectEvidence(scope, [
      log.event('ArtifactProduced', { path: 'a.cs' }, { sprintId: 'sprint-1', featureId: 'BookingFlow' }),
      log.event('ArtifactProduced', { path: 'b.cs' }, { sprintId: 'sprint-2', featureId: 'Auth.Login' }),
      log.event('BlueprintValidated', {}, { milestoneId: 'mvp-core' }),
      log.event('ArtifactProduced', { path: 'c.cs' }, { milestoneId: 'other', sprintId: 'sprint-1', featureId: 'BookingFlow' }),
      log.event('SprintClosed', {}, { sprintId: 'sprint-7', milestoneId: 'mvp-core' }),
    ]);
    expect(evidence.features['BookingFlow']?.files.map((file) => file.path)).toEqual(['a.cs']);
    expect(evidence.features['Auth.Login']?.files.map((file) => file.path)).toEqual(['b.cs']);
    expect(evidence.blueprint?.valid).toBe(true);
    expect(Object.keys(evidence.sprints).sort()).toEqual(['sprint-1', 'sprint-2', 'sprint-7']);
  });

  it('given a feature id such as __proto__, keeps it as an own record and leaves prototypes alone', () => {
    const log = createEventLog({ sprintId: 'sprint-3' });
    const evidence = collectEvidence(sprint, [
      log.event('ArtifactProduced', { path: 'a.cs' }, { featureId: '__proto__' }),
      log.event('CoverageReported', { coverage: 90 }, { featureId: 'constructor' }),
    ]);
    expect(Object.hasOwn(evidence.features, '__proto__')).toBe(true);
    // A dictionary without a prototype: nothing inherited, and Object.prototype untouched.
    expect(Object.getPrototypeOf(evidence.features)).toBeNull();
    expect(Object.hasOwn(Object.prototype, 'featureId')).toBe(false);
    expect(evidence.features['constructor']?.coverage?.percent).toBe(90);
    expect(JSON.parse(JSON.stringify(evidence))).toEqual(evidence);
  });

  it('given data that is not an object, ignores the event', () => {
    const log = createEventLog({ sprintId: 'sprint-3' });
    const event = { ...log.event('ArtifactProduced'), data: [1, 2] as unknown as Record<string, never> };
    expect(collectEvidence(sprint, [event]).ignored[0]?.reason).toBe('ArtifactProduced data is not a JSON object');
  });
});

describe('foldEvidence: sprints, streams and deferral', () => {
  it('given lifecycle events in any order, the latest of closed/aborted/rewound decides the standing', () => {
    const log = createEventLog({ sprintId: 'sprint-3' });
    const events = [log.event('SprintPlanned'), log.event('SprintStarted'), log.event('SprintClosed'), log.event('SprintRewound'), log.event('SprintClosed')];
    expect(collectEvidence(sprint, events).sprints['sprint-3']).toEqual({ sprintId: 'sprint-3', standing: 'closed', decidedBy: 'SprintClosed', decidedAt: 5, started: true });
    expect(collectEvidence(sprint, events.slice(0, 4).reverse()).sprints['sprint-3']?.standing).toBe('open');
    expect(collectEvidence(sprint, events.slice(0, 1)).sprints['sprint-3']?.standing).toBe('planned');
  });

  it('given SprintClosed naming a stream, or a completed stream feature, the stream is ready', () => {
    const scope = milestoneEvidenceScope({ id: 'onboarding-v2', requiredFeatures: [], parallelStreams: ['UserSignupFlow', 'MobilePushFlow', 'AdminApproval'], allowsDeferred: true }, []);
    const log = createEventLog({ milestoneId: 'onboarding-v2' });
    const evidence = collectEvidence(scope, [
      log.event('SprintClosed', { stream: 'UserSignupFlow' }, { sprintId: 'sprint-5' }),
      log.event('FeatureStatusChanged', { status: 'Completed' }, { featureId: 'MobilePushFlow' }),
    ]);
    expect(evidence.streams).toEqual({
      UserSignupFlow: { name: 'UserSignupFlow', ready: true, readyBy: 'SprintClosed sprint-5', readyAt: 1 },
      MobilePushFlow: { name: 'MobilePushFlow', ready: true, readyBy: 'FeatureStatusChanged MobilePushFlow', readyAt: 2 },
      AdminApproval: { name: 'AdminApproval', ready: false },
    });
  });

  it('given two events making one stream ready, keeps the earliest whatever the order', () => {
    const scope = milestoneEvidenceScope({ id: 'onboarding-v2', requiredFeatures: [], parallelStreams: ['UserSignupFlow'], allowsDeferred: true }, []);
    const log = createEventLog({ milestoneId: 'onboarding-v2' });
    const first = log.event('SprintClosed', { stream: 'UserSignupFlow' }, { sprintId: 'sprint-5' });
    const second = log.event('SprintClosed', { streams: ['UserSignupFlow'] }, { sprintId: 'sprint-6' });
    expect(collectEvidence(scope, [second, first]).streams['UserSignupFlow']).toEqual({ name: 'UserSignupFlow', ready: true, readyBy: 'SprintClosed sprint-5', readyAt: 1 });
    expect(collectEvidence(scope, [first, second])).toEqual(collectEvidence(scope, [second, first]));
  });

  it('given FeatureDeferred, the feature drops out of what is required, unless the scope forbids deferral', () => {
    const log = createEventLog({ sprintId: 'sprint-3' });
    const deferred = log.event('FeatureDeferred', { reason: 'Missing prerequisites' }, { featureId: 'Auth.Login' });
    expect(requiredFeatures(collectEvidence(sprint, [deferred]))).toEqual({ required: ['BookingFlow'], deferred: ['Auth.Login'], deferredButRequired: [], declared: true });
    expect(collectEvidence(sprint, [deferred]).features['Auth.Login']).toMatchObject({ status: 'deferred', deferReason: 'Missing prerequisites' });
    const strict = { ...sprint, allowsDeferred: false };
    expect(requiredFeatures(collectEvidence(strict, [deferred])).deferredButRequired).toEqual(['Auth.Login']);
    const resumed = log.event('FeatureStatusChanged', { status: 'in-progress' }, { featureId: 'Auth.Login' });
    expect(requiredFeatures(collectEvidence(sprint, [resumed, deferred])).required).toEqual(['BookingFlow', 'Auth.Login']);
  });

  it('given an unknown feature status, ignores the event', () => {
    const log = createEventLog({ sprintId: 'sprint-3', featureId: 'BookingFlow' });
    expect(collectEvidence(sprint, [log.event('FeatureStatusChanged', { status: 'vibing' })]).ignored[0]?.reason).toBe(
      'FeatureStatusChanged status "vibing" is not one of planned, inProgress, completed, deferred',
    );
  });

  it('lists the evidence event types it reads', () => {
    expect(evidenceEventTypes).toContain('TestRunCompleted');
    expect(evidenceEventTypes).toContain('SprintClosed');
    expect(evidenceEventTypes).not.toContain('GateEvaluated');
  });
});
