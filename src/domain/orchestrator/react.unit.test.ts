import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultMachine } from '../../artifacts/state-machine/load-machines.js';
import type { JsonObject } from '../events/envelope.js';
import { compileMachine } from '../fsm/compile-machine.js';
import { defaultRetryPolicy, type Agent } from '../planning/agent.js';
import { emptyDictionary, inBatch, noItems, wholeFold, type BatchOwnership } from '../evidence/read-json.js';
import { emptyBoard, type MilestoneRecord } from './board.js';
import { boardSnapshot } from './board-snapshot.js';
import type { ExecutionRequest } from './intent.js';
import { milestoneEvidence, sprintsOf } from './milestone-evidence.js';
import type { OrchestratorConfig } from './orchestrator-config.js';
import { unfoldedMembers, type FoldedEvent } from './folded-event.js';
import { BoardFold, react } from './react.js';
import { sprintStateView } from './sprint-view.js';
import { Simulation, type AgentReport, type AgentScript } from './testing/simulation.js';

let config: OrchestratorConfig;

const agent = (id: string, skills: string[] = ['Work']): Agent => ({ id, roles: [id], skills, executor: { type: 'builtin', name: id }, retry: defaultRetryPolicy, concurrency: 1, extra: {} });

beforeAll(async () => {
  config = {
    sprintMachine: compileMachine(await loadDefaultMachine('sprint')),
    milestoneMachine: compileMachine(await loadDefaultMachine('milestone')),
    agents: ['qa', 'devops-engineer', 'backend-developer', 'test-generator'].map((id) => agent(id)),
    planningMode: 'assisted',
    checkpointEvery: 0,
    maxGateRetries: 2,
  };
});

/** Agents that do their part at once: QA and DevOps confirm readiness, developers complete every feature, QA reports green tests. */
function diligent(overrides: { failTests?: (request: ExecutionRequest) => boolean } = {}): AgentScript {
  return (request) => {
    const perFeature = (make: (featureId: string) => AgentReport): AgentReport[] => request.features.map(make);
    switch (`${request.role}@${request.currentState}`) {
      case 'qa@ValidatingScope':
        return [{ type: 'SprintTestPlanReady', data: { sprintId: request.sprintId } }];
      case 'devops-engineer@ValidatingInfra':
        return [{ type: 'SprintInfraReady', data: { sprintId: request.sprintId } }];
      case 'backend-developer@Active':
        return perFeature((featureId) => ({ type: 'FeatureStatusChanged', featureId, data: { status: 'completed' } }));
      case 'backend-developer@RetryPhase':
        return [{ type: 'PatchEmitted', data: { sprintId: request.sprintId } }];
      case 'qa@Verifying': {
        const failed = overrides.failTests?.(request) === true ? 1 : 0;
        return perFeature((featureId) => ({ type: 'TestRunCompleted', featureId, data: { suite: `${featureId}.feature`, passed: 3 - failed, failed } }));
      }
      default:
        return [];
    }
  };
}

function plan(sim: Simulation, sprints: { id: string; milestone?: string; features: string[]; gates?: JsonObject[string][]; approvalRequired?: boolean }[], milestones: { id: string; gates?: string[]; triggers?: JsonObject[] }[] = []): Simulation {
  for (const milestone of milestones) {
    sim.emit(`milestone-${milestone.id}`, 'MilestonePlanCreated', { milestoneId: milestone.id, gateConditions: milestone.gates ?? [], triggers: milestone.triggers ?? [], versionTag: `${milestone.id}-v1` }, { milestoneId: milestone.id }, 'trace-plan');
  }
  for (const sprint of sprints) {
    const data: JsonObject = { sprintId: sprint.id, features: sprint.features, agents: ['backend-developer'], gates: sprint.gates ?? [], approvalRequired: sprint.approvalRequired ?? false };
    if (sprint.milestone !== undefined) data['milestone'] = sprint.milestone;
    sim.emit(`sprint-${sprint.id}`, 'SprintPlanned', data, { sprintId: sprint.id, ...(sprint.milestone === undefined ? {} : { milestoneId: sprint.milestone }) }, 'trace-plan');
  }
  return sim;
}

describe('react: a sprint from SprintPlanned to SprintClosed', () => {
  it('walks the default machine with the agents each state activates', () => {
    const sim = plan(new Simulation(config, diligent()), [{ id: 's1', features: ['A', 'B', 'C', 'D'], gates: ['testsPassed'] }]).run();
    expect(sim.state('sprint', 's1')).toBe('Closed');
    expect(sim.types('sprint-s1').filter((type) => type.startsWith('Sprint') || type.startsWith('All') || type === 'GateFailed')).toEqual([
      'SprintPlanned',
      'SprintTestPlanReady',
      'SprintInfraReady',
      'SprintReadyToStart',
      'SprintStarted',
      'SprintCheckpoint',
      'SprintOutputsReady',
      'AllTraceChecksPassed',
      'SprintClosed',
    ]);
    const checkpoint = sim.log.find((event) => event.type === 'SprintCheckpoint');
    expect(checkpoint?.data).toEqual({ sprintId: 's1', checkpoint: 1, completedFeatures: 2, totalFeatures: 4 });
    expect(sim.started.map((id) => id.replace(/^exec:s1#\d+:/, ''))).toEqual(['qa', 'devops-engineer', 'backend-developer', 'test-generator', 'qa']);
  });

  it('carries the spec envelope: trace, sprint, causation, derived ids', () => {
    const sim = plan(new Simulation(config, diligent()), [{ id: 's1', features: ['A'] }]).run();
    const closed = sim.log.find((event) => event.type === 'SprintClosed');
    expect(closed).toMatchObject({ sprintId: 's1', traceId: 'trace-plan', eventId: 'sprint-s1#6:SprintClosed', data: { sprintId: 's1', traceId: 'trace-plan', completedArtifacts: [] } });
    const cause = sim.log.find((event) => event.eventId === closed?.causationId);
    expect(cause?.type).toBe('AllTraceChecksPassed');
  });

  it('reacting to the same event twice decides the same intents with the same ids', () => {
    const sim = plan(new Simulation(config, diligent()), [{ id: 's1', features: ['A', 'B'] }]).run();
    const board = emptyBoard();
    const twice = sim.log.map((event) => {
      const first = react(board, event, config);
      const second = react(board, event, config);
      expect(second.intents).toEqual(first.intents);
      for (const [id, sprint] of first.sprints) board.sprints.set(id, sprint);
      return first.intents.length;
    });
    expect(twice.some((count) => count > 0)).toBe(true);
  });

  it('never changes the board it is given', () => {
    const sim = plan(new Simulation(config, diligent()), [{ id: 's1', features: ['A'] }], [{ id: 'm1' }]);
    sim.run();
    const frozen = structuredClone({ sprints: [...sim.board.sprints], milestones: [...sim.board.milestones] });
    react(sim.board, sim.emit('sprint-s1', 'SprintRewound', { to: 'Active' }, { sprintId: 's1' }), config);
    expect({ sprints: [...sim.board.sprints], milestones: [...sim.board.milestones] }).toEqual(frozen);
  });
});

describe('react: gates, retries and people', () => {
  it('sends a sprint whose gates fail to RetryPhase, then back to work, with the unmet gates named', () => {
    let verifications = 0;
    const sim = plan(new Simulation(config, diligent({ failTests: () => verifications++ === 0 })), [{ id: 's1', features: ['A'], gates: ['testsPassed'] }]).run();
    expect(sim.state('sprint', 's1')).toBe('Closed');
    const failed = sim.log.find((event) => event.type === 'GateFailed');
    expect(failed?.data['unmetGates']).toEqual([expect.objectContaining({ gate: 'testsPassed', passed: false, reason: expect.stringContaining('A') })]);
    expect(sim.types('sprint-s1')).toContain('RetryPhaseEntered');
    expect(sim.types('sprint-s1')).toContain('PatchEmitted');
  });

  it('stops sending a sprint back once its retries are spent, and waits for a person', () => {
    const sim = plan(new Simulation(config, diligent({ failTests: () => true })), [{ id: 's1', features: ['A'], gates: ['testsPassed'] }]).run();
    expect(sim.state('sprint', 's1')).toBe('RetryPhase');
    expect(sim.types('sprint-s1').filter((type) => type === 'GateFailed')).toHaveLength(3);
    const last = sim.log.findLast((event) => event.type === 'RetryPhaseEntered');
    expect(last?.data['waitingFor']).toMatch(/retry budget/);
    sim.emit('sprint-s1', 'ManualApproval', { approvedBy: 'alice' }, { sprintId: 's1' });
    sim.run();
    expect(sim.state('sprint', 's1')).toBe('Closed');
  });

  it('says which events would move a sprint on when nothing in particular holds it up', () => {
    const script: AgentScript = (request) => {
      if (request.role === 'qa' && request.currentState === 'Verifying') return [{ type: 'SecurityPolicyViolation', data: { sprintId: request.sprintId, policy: 'CSPHeadersPresent', severity: 'high' } }];
      return request.currentState === 'RetryPhase' ? [] : diligent()(request);
    };
    const sim = plan(new Simulation(config, script), [{ id: 's1', features: ['A'] }]).run();
    expect(sim.state('sprint', 's1')).toBe('RetryPhase');
    const sprint = sim.board.sprints.get('s1');
    if (sprint === undefined) throw new Error('no sprint s1');
    expect(sprintStateView(sim.board, sprint, config).waitingFor).toEqual(['one of PatchEmitted, ManualApproval (from an agent, or kairos emit)']);
  });

  it('holds a sprint that needs approval in Ready until a person grants it', () => {
    const sim = plan(new Simulation(config, diligent()), [{ id: 's1', features: ['A'], approvalRequired: true }]).run();
    expect(sim.state('sprint', 's1')).toBe('Ready');
    expect(sim.types('sprint-s1')).toContain('ApprovalRequested');
    sim.emit('governance', 'ApprovalGranted', { sprintId: 's1', approvedBy: 'alice' }, { sprintId: 's1' });
    sim.run();
    expect(sim.state('sprint', 's1')).toBe('Closed');
    expect(sim.log.find((event) => event.type === 'SprintReadyToStart')?.data).toEqual({ sprintId: 's1', approvedBy: 'alice' });
  });

  it('holds what reaches a paused sprint and applies it on resume', () => {
    const sim = new Simulation(config, (request) => (request.currentState === 'ValidatingScope' ? [] : diligent()(request)));
    plan(sim, [{ id: 's1', features: ['A'] }]).run();
    expect(sim.state('sprint', 's1')).toBe('ValidatingScope');
    sim.emit('sprint-s1', 'SprintPaused', { requestedBy: 'bob' }, { sprintId: 's1' });
    sim.emit('sprint-s1', 'SprintTestPlanReady', {}, { sprintId: 's1' });
    sim.run();
    expect(sim.state('sprint', 's1')).toBe('Paused');
    expect(sim.board.sprints.get('s1')?.held.map((event) => event.type)).toEqual(['SprintTestPlanReady']);
    sim.emit('sprint-s1', 'SprintResumed', { requestedBy: 'bob' }, { sprintId: 's1' });
    sim.run();
    expect(sim.state('sprint', 's1')).toBe('Closed');
  });

  it('rewinds to an earlier state under a new trace chained to the old, and works again from there', () => {
    const sim = plan(new Simulation(config, diligent()), [{ id: 's1', features: ['A'] }]).run();
    sim.emit('sprint-s1', 'SprintRewound', { to: 'Verifying' }, { sprintId: 's1' }, 'trace-second');
    sim.run();
    // Closed is final: a rewind of a closed sprint is refused by the machine.
    expect(sim.state('sprint', 's1')).toBe('Closed');
    const open = plan(new Simulation(config, diligent({ failTests: () => true })), [{ id: 's2', features: ['A'], gates: ['testsPassed'] }]).run();
    expect(open.state('sprint', 's2')).toBe('RetryPhase');
    open.emit('sprint-s2', 'SprintRewound', { to: 'Active' }, { sprintId: 's2' }, 'trace-second');
    open.run();
    const record = open.board.sprints.get('s2');
    expect(record?.traceId).toBe('trace-second');
    expect(record?.traces.at(-1)).toMatchObject({ traceId: 'trace-second', previousTraceId: 'trace-plan' });
    expect(open.log.findLast((event) => event.type === 'SprintOutputsReady')?.traceId).toBe('trace-second');
  });

  it('records an activation no agent answers to as a failed execution, never a crash', () => {
    const sim = plan(new Simulation({ ...config, agents: [] }), [{ id: 's1', features: ['A'] }]).run();
    const failure = sim.log.find((event) => event.type === 'AgentSkillFailed');
    expect(failure?.reason).toBe('no agent in planning/agents.yaml answers to role qa');
    expect(sim.state('sprint', 's1')).toBe('ValidatingScope');
  });

  it('ignores malformed events', () => {
    const board = emptyBoard();
    const junk = { eventId: 'x', type: 'SprintPlanned', streamId: 'sprint-', version: 1, position: 1, occurredAt: '', traceId: 't', correlationId: 'x', causationId: null, tenantId: 'd', projectId: 'd', data: null, prevHash: '', hash: '' };
    expect(() => react(board, junk as never, config)).not.toThrow();
  });
});

describe('react: machine versions', () => {
  it('keeps a sprint in flight on the machine version it started with when a new version is recorded', () => {
    const sim = new Simulation(config, (request) => (request.currentState === 'ValidatingInfra' ? [] : diligent()(request)));
    sim.emit('planning', 'StateMachineDefined', { machine: 'sprint', version: config.sprintMachine.version, definition: config.sprintMachine.definition as never });
    plan(sim, [{ id: 's1', features: ['A'] }]).run();
    expect(sim.state('sprint', 's1')).toBe('ValidatingInfra');
    // Version 2 skips infrastructure validation: new sprints run on it, s1 keeps its version.
    const definition = structuredClone(config.sprintMachine.definition);
    definition.version = 'v2';
    const fromScope = definition.transitions.find((t) => t.on === 'SprintTestPlanReady');
    if (fromScope !== undefined) fromScope.to = 'Ready';
    sim.emit('planning', 'StateMachineDefined', { machine: 'sprint', version: 'v2', definition: definition as never });
    plan(sim, [{ id: 's2', features: ['B'] }]).run();
    expect(sim.board.sprints.get('s1')?.instance.version).toBe(config.sprintMachine.version);
    expect(sim.board.sprints.get('s2')?.instance.version).toBe('v2');
    expect(sim.state('sprint', 's2')).toBe('Closed');
    expect(sim.state('sprint', 's1')).toBe('ValidatingInfra');
    sim.emit('sprint-s1', 'SprintInfraReady', {}, { sprintId: 's1' });
    sim.run();
    expect(sim.state('sprint', 's1')).toBe('Closed');
  });
});

describe('react: retry requests', () => {
  it('runs a failed execution again under a new execution id', () => {
    let failures = 1;
    const sim = plan(new Simulation(config, (request) => (request.role === 'devops-engineer' && failures-- > 0 ? { failed: 'pipeline down' } : diligent()(request))), [{ id: 's1', features: ['A'] }]).run();
    expect(sim.state('sprint', 's1')).toBe('ValidatingInfra');
    sim.emit('sprint-s1', 'RetryRequested', { requestedBy: 'bob', agentId: 'devops-engineer' }, { sprintId: 's1' });
    sim.run();
    expect(sim.state('sprint', 's1')).toBe('Closed');
    expect(sim.started.filter((id) => id.includes('devops-engineer'))).toEqual(['exec:s1#2:devops-engineer', expect.stringMatching(/^exec:s1#2:devops-engineer~\d+$/)]);
  });
});

describe('react: automatic retries of failed skills', () => {
  const flaky = (failures: number): AgentScript => {
    let left = failures;
    return (request) => (request.role === 'devops-engineer' && left-- > 0 ? { failed: `pipeline down (${request.attempt ?? 1})` } : diligent()(request));
  };
  const withRetries = (skillRetryCount: number): OrchestratorConfig => ({
    ...config,
    agents: config.agents.map((each) => (each.id === 'devops-engineer' ? { ...each, retry: { skillRetryCount, backoffMs: 500, backoffFactor: 3 } } : each)),
  });
  const runs = (sim: Simulation): ExecutionRequest[] =>
    sim.intents.flatMap((intent) => (intent.kind === 'run' && intent.execution.role === 'devops-engineer' ? [intent.execution] : []));

  it('runs a failed execution again after its backoff, growing by the factor, and the sprint goes on', () => {
    const sim = plan(new Simulation(withRetries(2), flaky(2)), [{ id: 's1', features: ['A'] }]).run();
    expect(sim.state('sprint', 's1')).toBe('Closed');
    expect(runs(sim).map((request) => [request.executionId, request.attempt, request.delayMs])).toEqual([
      ['exec:s1#2:devops-engineer', undefined, undefined],
      ['exec:s1#2:devops-engineer@2', 2, 500],
      ['exec:s1#2:devops-engineer@3', 3, 1500],
    ]);
  });

  it('stops at the retry count and leaves the failure to a person, whose retry starts a fresh count', () => {
    const sim = plan(new Simulation(withRetries(1), flaky(3)), [{ id: 's1', features: ['A'] }]).run();
    expect(sim.state('sprint', 's1')).toBe('ValidatingInfra');
    expect(runs(sim)).toHaveLength(2);
    expect(sim.board.sprints.get('s1')?.ended.at(-1)).toMatchObject({ executionId: 'exec:s1#2:devops-engineer@2', status: 'failed', attempt: 2, reason: 'pipeline down (2)' });
    sim.emit('sprint-s1', 'RetryRequested', { requestedBy: 'bob' }, { sprintId: 's1' });
    sim.run();
    expect(sim.state('sprint', 's1')).toBe('Closed');
    expect(runs(sim).slice(2).map((request) => request.executionId)).toEqual([expect.stringMatching(/^exec:s1#2:devops-engineer~\d+$/), expect.stringMatching(/^exec:s1#2:devops-engineer~\d+@2$/)]);
  });

  it('does not retry without a retry count (the default policy)', () => {
    const sim = plan(new Simulation(config, flaky(1)), [{ id: 's1', features: ['A'] }]).run();
    expect(sim.state('sprint', 's1')).toBe('ValidatingInfra');
    expect(runs(sim)).toHaveLength(1);
  });
});

describe('react: milestones', () => {
  it('starts milestones in plan order, completes them when their sprints close and gates pass, and fires triggers', () => {
    const sim = plan(
      new Simulation(config, diligent()),
      [
        { id: 's1', milestone: 'm1', features: ['A'] },
        { id: 's2', milestone: 'm2', features: ['B'] },
        { id: 's3', milestone: 'm3', features: ['C'] },
      ],
      [
        { id: 'm1', gates: ['testsPassed'], triggers: [{ event: 'MilestoneCompleted', next: 'm2' }] },
        { id: 'm2', triggers: [{ event: 'MilestoneCompleted', next: 'deploy-to-staging' }] },
        { id: 'm3' },
      ],
    ).run();
    expect(['m1', 'm2', 'm3'].map((id) => sim.state('milestone', id))).toEqual(['Completed', 'Completed', 'Completed']);
    const milestoneEvents = sim.log.filter((event) => event.streamId.startsWith('milestone-') && event.type !== 'MilestonePlanCreated').map((event) => `${event.type} ${String(event.data['milestoneId'])}`);
    expect(milestoneEvents).toEqual([
      'MilestoneStarted m1',
      'MilestoneCompleted m1',
      'MilestoneReached m1',
      'TriggerFired m1',
      'MilestoneStarted m2',
      'MilestoneCompleted m2',
      'MilestoneReached m2',
      // m3 starts as m2 completes (plan order); m2's trigger fires when its MilestoneCompleted is read back.
      'MilestoneStarted m3',
      'TriggerFired m2',
      'MilestoneCompleted m3',
      'MilestoneReached m3',
    ]);
    // A sprint starts only once its milestone has.
    const started = (sprintId: string): number => sim.log.findIndex((event) => event.type === 'SprintStarted' && event.sprintId === sprintId);
    const milestoneStarted = (id: string): number => sim.log.findIndex((event) => event.type === 'MilestoneStarted' && event.milestoneId === id);
    expect(started('s2')).toBeGreaterThan(milestoneStarted('m2'));
    expect(started('s3')).toBeGreaterThan(milestoneStarted('m3'));
  });

  it('blocks a milestone whose gates fail, with the unmet gates, and completes it when the evidence changes', () => {
    const sim = plan(new Simulation(config, diligent()), [{ id: 's1', milestone: 'm1', features: ['A'] }], [{ id: 'm1', gates: ['blueprintValidated'] }]).run();
    expect(sim.state('milestone', 'm1')).toBe('Blocked');
    const blocked = sim.log.find((event) => event.type === 'MilestoneBlocked');
    expect(blocked?.data['unmetGates']).toEqual([expect.objectContaining({ gate: 'blueprintValidated', passed: false })]);
    sim.emit('milestone-m1', 'BlueprintValidated', { valid: true }, { milestoneId: 'm1' });
    sim.run();
    expect(sim.state('milestone', 'm1')).toBe('Completed');
  });

  it('holds a milestone under a deployment freeze in GateCheck for an approval once its gates pass, and completes it when granted', () => {
    const frozen = { ...config, deploymentFreeze: ['m1'] };
    const sim = plan(new Simulation(frozen, diligent()), [{ id: 's1', milestone: 'm1', features: ['A'] }], [{ id: 'm1', gates: ['testsPassed'] }]).run();
    expect(sim.state('milestone', 'm1')).toBe('GateCheck');
    expect(sim.types('milestone-m1')).toEqual(['MilestonePlanCreated', 'MilestoneStarted', 'ApprovalRequested']);
    sim.emit('milestone-m1', 'ApprovalRejected', { milestoneId: 'm1', rejectedBy: 'bob', reason: 'release window closed' }, { milestoneId: 'm1' });
    sim.run();
    expect(sim.state('milestone', 'm1')).toBe('GateCheck');
    expect(sim.types('milestone-m1').filter((type) => type === 'ApprovalRequested')).toHaveLength(1);
    sim.emit('milestone-m1', 'ApprovalGranted', { milestoneId: 'm1', approvedBy: 'alice' }, { milestoneId: 'm1' });
    sim.run();
    expect(sim.state('milestone', 'm1')).toBe('Completed');
  });

  it('reads its sprints\' evidence from the sprints: blocked on their failing tests, it completes when a sprint\'s later run passes', () => {
    const sim = plan(new Simulation(config, diligent({ failTests: () => true })), [{ id: 's1', milestone: 'm1', features: ['A'] }], [{ id: 'm1', gates: ['testsPassed'] }]).run();
    expect(sim.state('milestone', 'm1')).toBe('Blocked');
    const milestone = () => sim.board.milestones.get('m1') as MilestoneRecord;
    // Folded once, into the sprint: the milestone's own fold holds none of it, its gates read it all.
    expect(milestone().evidence.features['A']?.testRuns ?? []).toEqual([]);
    expect(milestoneEvidence(milestone(), sprintsOf(sim.board)).features['A']?.testRuns).toEqual([expect.objectContaining({ suite: 'A.feature', failed: 1 })]);
    sim.emit('sprint-s1', 'TestRunCompleted', { suite: 'A.feature', passed: 3, failed: 0 }, { sprintId: 's1', milestoneId: 'm1', featureId: 'A' });
    sim.run();
    expect(sim.state('milestone', 'm1')).toBe('Completed');
    expect(milestone().lastGates).toEqual([expect.objectContaining({ gate: 'testsPassed', passed: true })]);
  });

  it('counts a sprint\'s evidence for the milestone it is planned for now', () => {
    const sim = plan(new Simulation(config, diligent()), [{ id: 's1', milestone: 'm1', features: ['A'] }], [{ id: 'm1' }, { id: 'm2' }]).run();
    const runsOf = (id: string) => milestoneEvidence(sim.board.milestones.get(id) as MilestoneRecord, sprintsOf(sim.board)).features['A']?.testRuns ?? [];
    expect([runsOf('m1'), runsOf('m2')]).toEqual([[expect.objectContaining({ suite: 'A.feature' })], []]);
    sim.emit('sprint-s1', 'SprintPlanned', { sprintId: 's1', milestone: 'm2', features: ['A'], agents: ['backend-developer'] }, { sprintId: 's1', milestoneId: 'm2' });
    sim.run();
    expect([runsOf('m1'), runsOf('m2')]).toEqual([[], [expect.objectContaining({ suite: 'A.feature' })]]);
  });

  it('does not call a milestone without sprints done', () => {
    const sim = plan(new Simulation(config, diligent()), [], [{ id: 'm1' }]).run();
    expect(sim.state('milestone', 'm1')).toBe('Active');
  });
});

describe('BoardFold', () => {
  it('leaves a board as react and applyReaction do, for a log with gates failing, retries, pauses and milestones, with or without the members no fold reads', () => {
    let verifications = 0;
    const sim = plan(new Simulation(config, diligent({ failTests: () => verifications++ % 3 === 0 })), [
      { id: 's1', milestone: 'm1', features: ['A', 'B', 'C'], gates: ['testsPassed'] },
      { id: 's2', milestone: 'm1', features: ['D'], approvalRequired: true },
      { id: 's3', milestone: 'm2', features: ['E', 'F'], gates: ['testsPassed'] },
    ], [{ id: 'm1', gates: ['testsPassed'] }, { id: 'm2' }]).run();
    sim.emit('sprint-s2', 'ApprovalGranted', { approvedBy: 'alice' }, { sprintId: 's2' });
    sim.emit('sprint-s3', 'SprintPaused', { reason: 'review' }, { sprintId: 's3' });
    sim.run();
    sim.emit('sprint-s3', 'SprintResumed', {}, { sprintId: 's3' });
    sim.run();
    const folded = emptyBoard();
    const fold = new BoardFold(folded, config);
    for (const event of sim.log) fold.fold(event);
    expect(boardSnapshot(folded)).toEqual(boardSnapshot(sim.board));
    expect(sim.state('milestone', 'm2')).toBe('Completed');
    // A replay reads the log without the members no fold reads.
    const unread = new Set<string>(unfoldedMembers);
    const foldedWithout = emptyBoard();
    const foldWithout = new BoardFold(foldedWithout, config);
    for (const event of sim.log) foldWithout.fold(Object.fromEntries(Object.entries(event).filter(([member]) => !unread.has(member))) as FoldedEvent);
    expect(boardSnapshot(foldedWithout)).toEqual(boardSnapshot(sim.board));
  });

  it('leaves the same board in a batch, whether the batch owns what it copies or every value it reaches (a replay)', () => {
    // Each sprint's first verification fails: it goes through RetryPhase once.
    const verified = new Set<string>();
    const failOnce = (request: ExecutionRequest): boolean => !verified.has(request.sprintId) && verified.add(request.sprintId) !== undefined;
    const sim = plan(new Simulation(config, diligent({ failTests: failOnce })), [
      { id: 's1', milestone: 'm1', features: ['A', 'B'], gates: ['testsPassed'] },
      { id: 's2', milestone: 'm1', features: ['C'], gates: ['testsPassed'] },
      { id: 's3', milestone: 'm2', features: ['D', 'E'], gates: ['testsPassed'] },
      { id: 's4', features: ['F'] },
      { id: 's5', features: ['G'] },
    ], [{ id: 'm1', gates: ['testsPassed'] }, { id: 'm2', gates: ['testsPassed'] }]);
    sim.emit('sprint-s5', 'SprintPaused', { reason: 'review' }, { sprintId: 's5' });
    sim.emit('milestone-m2', 'SecurityAuditCompleted', { status: 'Compliant', checks: ['TraceSpansAttached'] }, { milestoneId: 'm2', sprintId: 's3' });
    sim.run();
    sim.emit('sprint-s4', 'SprintRewound', { to: 'Active' }, { sprintId: 's4' }, 'trace-second');
    sim.emit('sprint-s5', 'SprintAborted', { reason: 'dropped' }, { sprintId: 's5' });
    sim.run();
    expect([sim.state('milestone', 'm1'), sim.state('milestone', 'm2')]).toEqual(['Completed', 'Completed']);
    expect(['s1', 's2', 's3', 's4', 's5'].map((id) => sim.state('sprint', id))).toEqual(['Closed', 'Closed', 'Closed', 'Closed', 'Aborted']);
    expect(sim.log.filter((event) => event.type === 'GateFailed')).toHaveLength(3);
    const expected = boardSnapshot(sim.board);
    for (const owned of [new WeakSet<object>(), wholeFold] as BatchOwnership[]) {
      const folded = emptyBoard();
      const fold = new BoardFold(folded, config);
      inBatch(() => {
        for (const event of sim.log) fold.fold(event);
      }, owned);
      expect(boardSnapshot(folded)).toEqual(expected);
    }
    // What records share is frozen and stays empty.
    expect(noItems()).toEqual([]);
    expect(Object.keys(emptyDictionary())).toEqual([]);
  });
});
