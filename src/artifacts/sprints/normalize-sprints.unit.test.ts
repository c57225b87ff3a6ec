import { describe, expect, it } from 'vitest';
import { readSpecFixture } from '../testing/read-spec-fixture.js';
import { checkSource } from '../validation/check-source.js';
import { normalizeSprints } from './normalize-sprints.js';
import type { SprintsFile } from './sprints-schema.js';

function sprintsOf(text: string) {
  const checked = checkSource(text, 'sprints.yaml');
  expect(checked.valid).toBe(true);
  return normalizeSprints(checked.source.value as SprintsFile);
}

describe('normalizeSprints', () => {
  it('reads the includes form', () => {
    expect(sprintsOf(readSpecFixture('sprints-mvp-sprint.yaml'))).toEqual([
      {
        id: 'sprint-1',
        name: 'MVP Sprint',
        goal: 'Deliver first fully testable Booking flow',
        milestone: 'mvp-ready',
        trigger: 'MilestoneStarted',
        orchestrator: 'SprintCoordinator',
        features: ['BookingService.Create', 'Notification.Send', 'User.Onboarding'],
        agents: ['ProductOwner', 'BackendDeveloper', 'TestGenerator', 'DevOpsEngineer'],
        gates: [],
        approvalRequired: false,
        concurrencyPolicy: 'shared',
        labels: ['mvp', 'first-run', 'sprint:1'],
        extra: {},
      },
    ]);
  });

  it('reads the flat form with gates, approval and isolation', () => {
    expect(sprintsOf(readSpecFixture('sprints-controlled.yaml'))[0]).toMatchObject({
      id: 'sprint-4',
      module: 'NotificationService',
      milestone: 'mvp-core',
      concurrencyPolicy: 'isolated',
      approvalRequired: true,
      gates: [
        { gate: 'traceMatrixComplete', written: 'traceValidated' },
        { gate: 'testsPassed', written: 'testsPassed' },
      ],
    });
  });

  it('merges flat lists with includes, each name once', () => {
    const text = 'sprints:\n  - id: s\n    features: [A]\n    agents: [qa]\n    includes:\n      - Features: [A, B]\n      - Agents: [QAAgent]\n';
    expect(sprintsOf(text)[0]).toMatchObject({ features: ['A', 'B'], agents: ['qa', 'QAAgent'] });
  });
});
