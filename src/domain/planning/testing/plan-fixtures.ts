import type { GateRef } from '../../gates/gate-catalog.js';
import type { Milestone } from '../milestone.js';
import type { Sprint } from '../sprint.js';

/** A milestone as the planning files normalise it: gated on testsPassed; `next`, when given, is started by its MilestoneCompleted trigger. */
export function testMilestone(id: string, next?: string): Milestone {
  return {
    id, requiredFeatures: [], requiredArtifacts: [], gates: [{ gate: 'testsPassed', written: 'testsPassed' }], allowsDeferred: false, onDeferEmit: 'FeatureDeferred',
    parallelStreams: [], triggers: next === undefined ? [] : [{ event: 'MilestoneCompleted', next }], labels: [], extra: {}, versionTag: `${id}-v1`,
  };
}

/** A sprint of `milestoneId` worked by the backend developer, gated on testCoverageAbove90 unless `gates` says otherwise. */
export function testSprint(id: string, milestoneId: string, features: string[], gates: GateRef[] = [{ gate: 'testCoverageAbove', written: 'testCoverageAbove90', param: 90 }]): Sprint {
  return { id, milestone: milestoneId, features, agents: ['backend-developer'], gates, approvalRequired: false, concurrencyPolicy: 'shared', labels: [], extra: {} };
}
