import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultMachine } from '../../artifacts/state-machine/load-machines.js';
import { compileMachine } from '../../domain/fsm/index.js';
import type { OrchestratorConfig } from '../../domain/orchestrator/index.js';
import { defaultRetryPolicy, type Agent } from '../../domain/planning/agent.js';
import { Simulation, type AgentScript } from '../../domain/orchestrator/testing/simulation.js';
import { SprintStateWriter } from './sprint-state-writer.js';

let config: OrchestratorConfig;
const agent = (id: string): Agent => ({ id, roles: [id], skills: ['Work'], executor: { type: 'builtin', name: id }, retry: defaultRetryPolicy, concurrency: 1, extra: {} });

beforeAll(async () => {
  config = {
    sprintMachine: compileMachine(await loadDefaultMachine('sprint')),
    milestoneMachine: compileMachine(await loadDefaultMachine('milestone')),
    agents: ['qa', 'devops-engineer', 'backend-developer'].map(agent),
    planningMode: 'autonomous',
    checkpointEvery: 0,
    maxGateRetries: 2,
  };
});

/** Agents that take sprint `done` to Closed; sprint `open` has no one to finish its scope check. */
const agents: AgentScript = (request) => {
  if (request.sprintId !== 'done') return [];
  switch (`${request.role}@${request.currentState}`) {
    case 'qa@ValidatingScope':
      return [{ type: 'SprintTestPlanReady' }];
    case 'devops-engineer@ValidatingInfra':
      return [{ type: 'SprintInfraReady' }];
    case 'backend-developer@Active':
      return [{ type: 'ArtifactProduced', featureId: 'A', data: { path: 'src/A.ts', commit: 'abc1234' } }, { type: 'FeatureStatusChanged', featureId: 'A', data: { status: 'completed' } }];
    case 'qa@Verifying':
      return [{ type: 'TestRunCompleted', featureId: 'A', data: { suite: 'A.spec', passed: 1, failed: 0, coverage: 91 } }];
    default:
      return [];
  }
};

describe('SprintStateWriter', () => {
  it('writes a final sprint\'s trace files while busy, every changed sprint\'s once idle', async () => {
    const sim = new Simulation(config, agents);
    for (const id of ['done', 'open']) sim.emit(`sprint-${id}`, 'SprintPlanned', { sprintId: id, features: ['A'], agents: ['backend-developer', 'qa'], gates: ['testsPassed'] }, { sprintId: id }, `trace-${id}`);
    sim.run();
    expect(sim.state('sprint', 'done')).toBe('Closed');
    expect(sim.state('sprint', 'open')).not.toBe('Closed');
    const workspace = mkdtempSync(join(tmpdir(), 'kairos-writer-'));
    const writer = new SprintStateWriter(workspace, config, { intervalMs: 0 });
    const file = (sprint: string, name: string): string => join(workspace, 'execution', sprint, name);
    writer.mark(['done', 'open']);
    writer.flushChanged(sim.board);
    await writer.settled();
    expect(existsSync(file('done', 'sprint-trace-matrix.json'))).toBe(true);
    expect(existsSync(file('open', 'fsm-state.json'))).toBe(true);
    expect(existsSync(file('open', 'sprint-trace-matrix.json'))).toBe(false);
    expect(JSON.parse(readFileSync(file('done', 'sprint-trace-matrix.json'), 'utf8'))).toMatchObject({ sprintId: 'done', complete: true, features: [{ id: 'A', commits: ['abc1234'], coverage: '91%', missing: [] }] });
    await writer.flushAll(sim.board);
    expect(JSON.parse(readFileSync(file('open', 'sprint-trace-matrix.json'), 'utf8'))).toMatchObject({ sprintId: 'open', features: [{ id: 'A', status: 'incomplete' }] });
    expect(readFileSync(file('open', 'feature-test-link.yaml'), 'utf8')).toContain('- featureId: "A"');
  });

  it('writes a changing sprint once it settles or has waited too long, a final one at once', async () => {
    const sim = new Simulation(config, agents);
    for (const id of ['done', 'open', 'busy']) sim.emit(`sprint-${id}`, 'SprintPlanned', { sprintId: id, features: ['A'], agents: ['backend-developer', 'qa'], gates: ['testsPassed'] }, { sprintId: id }, `trace-${id}`);
    sim.run();
    const workspace = mkdtempSync(join(tmpdir(), 'kairos-writer-'));
    let now = 0;
    const writer = new SprintStateWriter(workspace, config, { intervalMs: 10, settleMs: 100, maxLagMs: 400, now: () => now });
    const written = (sprint: string): boolean => existsSync(join(workspace, 'execution', sprint, 'fsm-state.json'));
    const step = async (at: number, changed: string[]): Promise<string[]> => {
      now = at;
      writer.mark(changed);
      writer.flushChanged(sim.board);
      await writer.settled();
      return ['done', 'open', 'busy'].filter(written);
    };
    expect(await step(0, ['done', 'open', 'busy'])).toEqual(['done']);
    expect(await step(50, ['open', 'busy'])).toEqual(['done']);
    expect(await step(120, ['busy'])).toEqual(['done']);
    expect(await step(160, ['busy'])).toEqual(['done', 'open']);
    for (const at of [220, 280, 340]) expect(await step(at, ['busy'])).toEqual(['done', 'open']);
    expect(await step(400, ['busy'])).toEqual(['done', 'open', 'busy']);
  });
});
