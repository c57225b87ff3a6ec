import { describe, expect, it } from 'vitest';
import type { Feature, Milestone } from '../planning/index.js';
import type { PlannerInput } from './backlog-plan.js';
import { planBacklog } from './plan-backlog.js';

function feature(id: string, extra: Partial<Feature> = {}): Feature {
  return { id, dependsOn: [], agentRoles: ['backend-developer'], status: 'planned', acceptanceCriteria: [], labels: [], extra: {}, estimatedEffort: 2, ...extra };
}

function milestone(id: string, extra: Partial<Milestone> = {}): Milestone {
  return { id, requiredFeatures: [], requiredArtifacts: [], gates: [], allowsDeferred: false, onDeferEmit: 'FeatureDeferred', parallelStreams: [], triggers: [], labels: [], extra: {}, ...extra };
}

function input(features: Feature[], extra: Partial<PlannerInput> = {}): PlannerInput {
  return { features, milestones: [milestone('mvp')], capacity: { sprintEffort: 4, roleEffort: {} }, ...extra };
}

const scopes = (plan: ReturnType<typeof planBacklog>) => plan.sprints.map((sprint) => `${sprint.id}[${sprint.milestone ?? '-'}]: ${sprint.features.join(' ')}`);

describe('planBacklog', () => {
  it('given dependencies, when planned, then a feature never lands before what it depends on', () => {
    const plan = planBacklog(input([feature('C', { dependsOn: ['B'] }), feature('B', { dependsOn: ['A'] }), feature('A')]));
    expect(scopes(plan)).toEqual(['sprint-1[-]: A B', 'sprint-2[-]: C']);
  });

  it('given priorities, when planned, then P1 features take the earliest sprints and ties keep file order', () => {
    const plan = planBacklog(input([feature('low', { priority: 'P3' }), feature('top', { priority: 'P1' }), feature('mid', { priority: 'P2' }), feature('top2', { priority: 'P1' })]));
    expect(scopes(plan)).toEqual(['sprint-1[-]: top top2', 'sprint-2[-]: mid low']);
  });

  it('given a manual priority, when planned, then it wins over the backlog priority', () => {
    const plan = planBacklog(input([feature('a', { priority: 'P1' }), feature('b', { priority: 'P4' }), feature('c', { priority: 'P2' })], { decisions: { b: { priority: 'P1' } } }));
    expect(plan.sprints[0]!.features).toEqual(['a', 'b']);
  });

  it('given requiredBy milestones, when planned, then sprints follow milestone order whatever the priority', () => {
    const plan = planBacklog(
      input([feature('late', { priority: 'P1', requiredBy: 'ga' }), feature('early', { priority: 'P4', requiredBy: 'mvp' })], { milestones: [milestone('mvp'), milestone('ga')] }),
    );
    expect(scopes(plan)).toEqual(['sprint-1[mvp]: early', 'sprint-2[ga]: late']);
  });

  it('given a requiredBy conflict, when planned, then the prerequisite is pulled forward into the earlier milestone and reported', () => {
    const plan = planBacklog(
      input([feature('needs', { requiredBy: 'mvp', dependsOn: ['lib'] }), feature('lib', { requiredBy: 'ga' })], { milestones: [milestone('mvp'), milestone('ga')] }),
    );
    expect(scopes(plan)).toEqual(['sprint-1[mvp]: lib needs']);
    expect(plan.pulledForward).toEqual([{ featureId: 'lib', from: 'ga', to: 'mvp', neededBy: 'needs' }]);
  });

  it('given capacity per role, when the role is full, then the feature goes to the next sprint though the sprint has room', () => {
    const plan = planBacklog(
      input([feature('a', { estimatedEffort: 2 }), feature('b', { estimatedEffort: 2 }), feature('docs', { estimatedEffort: 1, agentRoles: ['documentation'] })], {
        capacity: { sprintEffort: 10, roleEffort: { BackendDeveloper: 3 } },
      }),
    );
    expect(scopes(plan)).toEqual(['sprint-1[-]: a docs', 'sprint-2[-]: b']);
  });

  it('given a feature bigger than any sprint, when planned, then it is deferred out of capacity naming the role', () => {
    const plan = planBacklog(input([feature('huge', { estimatedEffort: 9 }), feature('after', { dependsOn: ['huge'] })], { capacity: { sprintEffort: 20, roleEffort: { 'backend-developer': 8 } } }));
    expect(plan.sprints).toEqual([]);
    expect(plan.deferred.map((entry) => [entry.featureId, entry.reason])).toEqual([
      ['huge', 'out of agent capacity: backend-developer takes 8 effort per sprint, 9 needed'],
      ['after', 'missing prerequisite: huge is deferred'],
    ]);
  });

  it('given a role no agent answers to, when planned, then the feature is deferred out of capacity', () => {
    const plan = planBacklog(input([feature('a', { agentRoles: ['BackendDeveloper', 'ux-designer'] })], { roles: ['backend-developer'] }));
    expect(plan.deferred[0]).toMatchObject({ featureId: 'a', deferral: { kind: 'outOfCapacity', role: 'ux-designer', capacity: 0 }, reason: 'out of agent capacity: no agent answers to ux-designer' });
  });

  it('given a missing prerequisite, when planned, then the feature and its dependents are deferred naming it', () => {
    const plan = planBacklog(input([feature('a', { dependsOn: ['Ghost'] }), feature('b', { dependsOn: ['a'] }), feature('c')]));
    expect(scopes(plan)).toEqual(['sprint-1[-]: c']);
    expect(plan.deferred.map((entry) => entry.deferral)).toEqual([
      { kind: 'missingPrerequisite', prerequisite: 'Ghost', unknown: true },
      { kind: 'missingPrerequisite', prerequisite: 'a' },
    ]);
  });

  it('given a dependency cycle, when planned, then its features are deferred naming the cycle and the rest is planned', () => {
    const plan = planBacklog(input([feature('x', { dependsOn: ['y'] }), feature('y', { dependsOn: ['x'] }), feature('z', { dependsOn: ['y'] }), feature('ok')]));
    expect(scopes(plan)).toEqual(['sprint-1[-]: ok']);
    expect(plan.deferred.map((entry) => [entry.featureId, entry.reason])).toEqual([
      ['x', 'missing prerequisite: dependsOn cycle x → y → x'],
      ['y', 'missing prerequisite: dependsOn cycle y → x → y'],
      ['z', 'missing prerequisite: y is deferred'],
    ]);
  });

  it('given a prerequisite blocked in a running sprint, when planned, then the feature is deferred as blocked by that trace', () => {
    const plan = planBacklog(
      input([feature('base'), feature('next', { dependsOn: ['base'] })], { fixedSprints: [{ id: 'sprint-1', features: ['base'] }], blocked: { base: { sprintId: 'sprint-1', traceId: 'trace-9' } } }),
    );
    expect(plan.sprints).toEqual([]);
    expect(plan.deferred[0]!.reason).toBe('blocked by another trace: base waits for a person in sprint-1 (trace-9)');
  });

  it('given manual pauses, when planned, then paused features stay deferred with who paused them', () => {
    const plan = planBacklog(
      input([feature('a'), feature('b', { labels: ['human-blocked'] }), feature('c', { status: 'deferred' })], { decisions: { a: { paused: { by: 'alice', note: 'waiting for legal' } } } }),
    );
    expect(plan.sprints).toEqual([]);
    expect(plan.deferred.map((entry) => entry.reason)).toEqual([
      'manually paused by alice: waiting for legal',
      'manually paused: labelled human-blocked',
      'manually paused: status: deferred in features.yaml',
    ]);
  });

  it('given capacity overflow with a sprint limit, when planned, then overflow rolls into the next milestone and the strict milestone is at risk', () => {
    const plan = planBacklog(
      input([feature('a', { requiredBy: 'mvp' }), feature('b', { requiredBy: 'mvp' }), feature('c', { requiredBy: 'mvp' }), feature('d', { requiredBy: 'ga' })], {
        milestones: [milestone('mvp'), milestone('ga', { allowsDeferred: true })],
        capacity: { sprintEffort: 4, roleEffort: {}, sprintsPerMilestone: 1 },
      }),
    );
    expect(scopes(plan)).toEqual(['sprint-1[mvp]: a b', 'sprint-2[ga]: c d']);
    expect(plan.deferred).toEqual([{ featureId: 'c', deferral: { kind: 'outOfCapacity', needed: 2, capacity: 4 }, reason: 'out of agent capacity: a sprint takes 4 effort per sprint, 2 needed', deferredTo: 'sprint-2' }]);
    expect(plan.atRisk).toEqual([{ milestoneId: 'mvp', featureId: 'c', reason: 'c is deferred (out of agent capacity: a sprint takes 4 effort per sprint, 2 needed) and mvp does not allow deferred scope' }]);
  });

  it('given features in sprints people wrote or completed, when planned, then only the rest is planned, after the highest sprint number', () => {
    const plan = planBacklog(input([feature('done', { status: 'completed' }), feature('held'), feature('new', { dependsOn: ['held', 'done'] })], { fixedSprints: [{ id: 'sprint-7', features: ['held'] }] }));
    expect(scopes(plan)).toEqual(['sprint-8[-]: new']);
  });

  it('given a previous plan, when a feature is added, then kept sprints keep their ids and scope and new work gets a new sprint', () => {
    const before = planBacklog(input([feature('a'), feature('b'), feature('c')]));
    expect(scopes(before)).toEqual(['sprint-1[-]: a b', 'sprint-2[-]: c']);
    const after = planBacklog(input([feature('a'), feature('b'), feature('c'), feature('urgent', { priority: 'P1' })], { previous: before.sprints }));
    expect(scopes(after)).toEqual(['sprint-1[-]: a b', 'sprint-2[-]: c', 'sprint-3[-]: urgent']);
    expect(after.sprints.map((sprint) => sprint.kept)).toEqual([true, true, false]);
  });

  it('given a previous plan, when a kept feature now depends on a new one, then it leaves its sprint and follows its prerequisite', () => {
    const before = planBacklog(input([feature('a'), feature('b')]));
    const after = planBacklog(input([feature('a', { dependsOn: ['n'] }), feature('b'), feature('n')], { previous: before.sprints }));
    expect(scopes(after)).toEqual(['sprint-1[-]: b', 'sprint-2[-]: n a']);
  });
});
