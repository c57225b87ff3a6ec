import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Feature, Milestone } from '../planning/index.js';
import type { BacklogPlan, PlannerInput } from './backlog-plan.js';
import { defaultEffort, planBacklog } from './plan-backlog.js';

const milestoneIds = ['m1', 'm2', 'm3'];
const roles = ['backend-developer', 'test-generator', 'documentation'];

const milestones: Milestone[] = milestoneIds.map((id, i) => ({
  id,
  requiredFeatures: [],
  requiredArtifacts: [],
  gates: [],
  allowsDeferred: i === 1,
  onDeferEmit: 'FeatureDeferred',
  parallelStreams: [],
  triggers: [],
  labels: [],
  extra: {},
}));

/** A random backlog: dependencies may form cycles or name features that do not exist. */
const backlog = fc.integer({ min: 0, max: 40 }).chain((n) =>
  fc.array(
    fc.record({
      deps: fc.array(fc.integer({ min: 0, max: n + 2 }), { maxLength: 3 }),
      priority: fc.constantFrom(undefined, 'P1', 'P2', 'P3', 'P4'),
      effort: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
      roles: fc.subarray(roles, { minLength: 1 }),
      requiredBy: fc.constantFrom(undefined, ...milestoneIds),
      status: fc.constantFrom('planned', 'planned', 'planned', 'completed', 'deferred'),
    }),
    { minLength: n, maxLength: n },
  ),
);

function featuresOf(rows: Array<{ deps: number[]; priority: string | undefined; effort: number | undefined; roles: string[]; requiredBy: string | undefined; status: string }>): Feature[] {
  return rows.map((row, i): Feature => ({
    id: `f${i}`,
    dependsOn: row.deps.map((dep) => `f${dep}`),
    agentRoles: row.roles,
    status: row.status as Feature['status'],
    acceptanceCriteria: [],
    labels: [],
    extra: {},
    ...(row.priority === undefined ? {} : { priority: row.priority as NonNullable<Feature['priority']> }),
    ...(row.effort === undefined ? {} : { estimatedEffort: row.effort }),
    ...(row.requiredBy === undefined ? {} : { requiredBy: row.requiredBy }),
  }));
}

const capacity = fc.record({
  sprintEffort: fc.option(fc.integer({ min: 3, max: 12 }), { nil: undefined }),
  backend: fc.option(fc.integer({ min: 2, max: 8 }), { nil: undefined }),
  sprintsPerMilestone: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
});

function inputOf(features: Feature[], limits: { sprintEffort: number | undefined; backend: number | undefined; sprintsPerMilestone: number | undefined }): PlannerInput {
  return {
    features,
    milestones,
    capacity: {
      ...(limits.sprintEffort === undefined ? {} : { sprintEffort: limits.sprintEffort }),
      roleEffort: limits.backend === undefined ? {} : { BackendDeveloper: limits.backend },
      ...(limits.sprintsPerMilestone === undefined ? {} : { sprintsPerMilestone: limits.sprintsPerMilestone }),
    },
  };
}

/** Every feature is completed, in exactly one sprint, or deferred: none is lost, none is planned twice. */
function expectNothingLost(input: PlannerInput, plan: BacklogPlan): void {
  const inSprints = plan.sprints.flatMap((sprint) => sprint.features);
  expect(new Set(inSprints).size).toBe(inSprints.length);
  const planned = new Set(inSprints);
  const deferred = new Set(plan.deferred.map((entry) => entry.featureId));
  for (const feature of input.features) {
    const outside = feature.status === 'completed' || (input.fixedSprints ?? []).some((sprint) => sprint.features.includes(feature.id));
    expect(outside || planned.has(feature.id) || deferred.has(feature.id), `${feature.id} is lost`).toBe(true);
    if (outside) expect(planned.has(feature.id)).toBe(false);
  }
  for (const entry of plan.deferred) {
    if (planned.has(entry.featureId)) expect(plan.sprints.find((sprint) => sprint.features.includes(entry.featureId))!.id).toBe(entry.deferredTo);
  }
}

/** Prerequisites are done, held elsewhere, or planned in the same or an earlier sprint; no sprint is over capacity. */
function expectOrderAndCapacity(input: PlannerInput, plan: BacklogPlan): void {
  const sprintAt = new Map(plan.sprints.flatMap((sprint, s) => sprint.features.map((id) => [id, s] as const)));
  const byId = new Map(input.features.map((feature) => [feature.id, feature]));
  for (const [id, s] of sprintAt) {
    for (const dep of byId.get(id)!.dependsOn) {
      const prerequisite = byId.get(dep)!;
      if (prerequisite.status === 'completed') continue;
      expect(sprintAt.get(dep), `${id} needs ${dep}`).toBeLessThanOrEqual(s);
    }
  }
  for (const sprint of plan.sprints) {
    const effort = (id: string) => byId.get(id)!.estimatedEffort ?? defaultEffort;
    if (input.capacity.sprintEffort !== undefined) expect(sprint.effort).toBeLessThanOrEqual(input.capacity.sprintEffort);
    const backend = input.capacity.roleEffort['BackendDeveloper'];
    if (backend !== undefined) {
      const load = sprint.features.filter((id) => byId.get(id)!.agentRoles.includes('backend-developer')).reduce((sum, id) => sum + effort(id), 0);
      expect(load).toBeLessThanOrEqual(backend);
    }
  }
}

describe('planBacklog properties', () => {
  it('loses no feature, keeps dependency order and capacity, and is deterministic', () => {
    fc.assert(
      fc.property(backlog, capacity, (rows, limits) => {
        const input = inputOf(featuresOf(rows), limits);
        const plan = planBacklog(input);
        expectNothingLost(input, plan);
        expectOrderAndCapacity(input, plan);
        expect(planBacklog(structuredClone(input))).toEqual(plan);
      }),
      { numRuns: 300 },
    );
  });

  it('loses no feature across plan, defer and resume, and keeps what did not change', () => {
    fc.assert(
      fc.property(backlog, capacity, fc.array(fc.nat(), { maxLength: 4 }), fc.integer({ min: 0, max: 5 }), (rows, limits, pausedPicks, added) => {
        const first = inputOf(featuresOf(rows), limits);
        const before = planBacklog(first);
        const features = featuresOf(rows);
        const extra = featuresOf(Array.from({ length: added }, () => ({ deps: [0], priority: 'P1', effort: 1, roles: ['documentation'], requiredBy: undefined, status: 'planned' })));
        const grown = [...features, ...extra.map((feature, i) => ({ ...feature, id: `new${i}` }))];
        const paused = Object.fromEntries(pausedPicks.filter(() => grown.length > 0).map((pick) => [grown[pick % grown.length]!.id, { paused: { by: 'alice' } }]));
        const second: PlannerInput = { ...inputOf(grown, limits), previous: before.sprints, decisions: paused };
        const after = planBacklog(second);
        expectNothingLost(second, after);
        expectOrderAndCapacity(second, after);
        for (const id of Object.keys(paused)) expect(after.deferred.find((entry) => entry.featureId === id)?.deferral.kind ?? 'completed').toMatch(/manuallyPaused|completed|missingPrerequisite/);
        const previousIds = new Set(before.sprints.map((sprint) => sprint.id));
        for (const sprint of after.sprints) {
          const was = before.sprints.find((old) => old.id === sprint.id);
          if (sprint.kept) expect(sprint.features.every((id) => was!.features.includes(id))).toBe(true);
          else expect(previousIds.has(sprint.id)).toBe(false);
        }
        expect(planBacklog(structuredClone(second))).toEqual(after);
      }),
      { numRuns: 300 },
    );
  });
});
