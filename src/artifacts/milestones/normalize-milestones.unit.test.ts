import { describe, expect, it } from 'vitest';
import { readSpecFixture } from '../testing/read-spec-fixture.js';
import { checkSource } from '../validation/check-source.js';
import type { MilestonesFile } from './milestones-schema.js';
import { normalizeMilestones } from './normalize-milestones.js';

function milestonesOf(name: string) {
  const checked = checkSource(readSpecFixture(name), name);
  expect(checked.valid).toBe(true);
  return normalizeMilestones(checked.source.value as MilestonesFile);
}

describe('normalizeMilestones', () => {
  it('merges requiredFeatures and features, and resolves gates and owner spellings', () => {
    const [core] = milestonesOf('milestones-mvp-core.yaml');
    expect(core).toMatchObject({
      id: 'mvp-core',
      phase: 'CoreFeature',
      requiredFeatures: ['BookingFlow', 'Notification.Email.Send', 'Auth.Login'],
      owner: 'product-owner',
      allowsDeferred: false,
      onDeferEmit: 'FeatureDeferred',
      labels: ['mvp', 'core', 'critical'],
      tracePattern: 'trace-*',
    });
    expect(core?.gates).toEqual([
      { gate: 'allPullRequestsMerged', written: 'allPullRequestsMerged' },
      { gate: 'testCoverageAbove', written: 'testCoverageAbove90', param: 90 },
      { gate: 'traceMatrixComplete', written: 'traceMatrixComplete' },
    ]);
    expect(milestonesOf('milestones-phases.yaml').map((m) => m.requiredFeatures)).toEqual([
      ['Booking.Aggregate', 'Booking.DomainEvent', 'BaseContractLib'],
      ['BookingFlow', 'Notification.Email.Send'],
      ['BookingFlowTests', 'NotificationEdgeCaseTests'],
      ['SwaggerUI', 'Diagrams', 'ReleaseNotes'],
    ]);
  });

  it('reads deferredAllowed, parallel streams, trigger conditions and gate parameters', () => {
    const [onboarding] = milestonesOf('milestones-parallel-streams.yaml');
    expect(onboarding).toMatchObject({
      allowsDeferred: true,
      parallelStreams: ['UserSignupFlow', 'MobilePushFlow', 'AdminApproval'],
      orchestrator: 'MilestoneCoordinator',
      triggers: [{ event: 'SprintClosed', next: 'MilestoneFinalization', condition: { gate: 'allStreamsReady', written: 'allStreamsReady' } }],
    });
    expect(milestonesOf('milestones-qa-hardening.yaml')[0]).toMatchObject({
      owner: 'qa-lead',
      gates: [
        { gate: 'testsPassed', written: 'allTestsPassed' },
        { gate: 'resilienceScoreAbove', written: 'resilienceScoreAbove', param: 85 },
      ],
    });
    expect(milestonesOf('milestones-security-verification.yaml')[0]?.gates.at(-1)).toEqual({
      gate: 'traceSpanPolicyCheck',
      written: 'traceSpanPolicyCheck',
      param: 'pass',
    });
    expect(milestonesOf('milestones-scope-gate.yaml')[0]).toMatchObject({ allowsDeferred: true, onDeferEmit: 'FeatureDeferred', gates: [] });
  });

  it('keeps unknown keys as written', () => {
    const checked = checkSource('milestones:\n  - id: m1\n    colour: red\n', 'm.yaml');
    expect(normalizeMilestones(checked.source.value as MilestonesFile)[0]?.extra).toEqual({ colour: 'red' });
  });
});
