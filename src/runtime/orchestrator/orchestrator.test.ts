import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emptyBoard, type OrchestratorConfig } from '../../domain/orchestrator/index.js';
import { openEventStore, openSqliteEventStore, type EventStore } from '../../store/index.js';
import { instantAgentRunner, instantAgentsConfig, instantOutcome, type AgentRunner } from '../agents/index.js';
import type { Clock } from '../clock.js';
import { recordPlan } from '../plan/record-plan.js';
import { foldLog, hashBoard, Orchestrator } from './orchestrator.js';
import { sprintStatePath } from './sprint-state-path.js';
import { testMilestone, testSprint } from '../../domain/planning/testing/plan-fixtures.js';

let config: OrchestratorConfig;
const clock: Clock = { now: () => '2026-11-23T10:00:00.000Z' };
const folders: string[] = [];
const stores: EventStore[] = [];


beforeAll(async () => {
  config = await instantAgentsConfig();
});

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function plannedWorkspace(): Promise<{ workspace: string; store: EventStore }> {
  const workspace = await mkdtemp(join(tmpdir(), 'kairos-orchestrator-'));
  folders.push(workspace);
  const store = await openEventStore(`sqlite:${join(workspace, '.kairos', 'events.db')}`);
  stores.push(store);
  await recordPlan(
    store,
    {
      machines: [config.sprintMachine.definition, config.milestoneMachine.definition],
      milestones: [testMilestone('m1', 'm2'), testMilestone('m2')],
      features: [],
      sprints: [testSprint('s1', 'm1', ['A', 'B']), testSprint('s2', 'm1', ['C']), testSprint('s3', 'm2', ['D', 'E', 'F'])],
    },
    clock,
  );
  return { workspace, store };
}

/**
 * The log without what may differ between runs: calendar labels, positions and stream versions,
 * and causation (agents run concurrently, so which event last let a decision through varies).
 */
async function content(store: EventStore): Promise<string[]> {
  const events = await store.readAll({ limit: 100_000 });
  return events.map((event) => JSON.stringify([event.streamId, event.eventId, event.type, event.data, event.traceId])).sort();
}

describe('Orchestrator on SQLite', () => {
  it('drives every sprint and milestone to the end with instant agents, writing fsm-state.json and a checkpoint', async () => {
    const { workspace, store } = await plannedWorkspace();
    const summary = await new Orchestrator({ store, config, runner: instantAgentRunner, workspace, clock }).runUntilIdle();
    expect(summary.executions).toBe(15);
    const state = JSON.parse(await readFile(sprintStatePath(workspace, 's3'), 'utf8')) as Record<string, unknown>;
    expect(state).toMatchObject({ sprintId: 's3', state: 'Closed', terminal: true, waitingFor: [], features: { total: 3, completed: ['D', 'E', 'F'] } });
    const checkpoint = JSON.parse(await readFile(join(workspace, '.kairos', 'orchestrator.json'), 'utf8')) as Record<string, unknown>;
    expect(checkpoint).toMatchObject({ position: summary.position, boardHash: summary.boardHash });
    const types = (await store.readAll({ limit: 10_000 })).filter((event) => event.streamId.startsWith('milestone-')).map((event) => `${event.type} ${String(event.milestoneId)}`);
    expect(types).toContain('MilestoneCompleted m2');
    expect(types.indexOf('MilestoneStarted m2')).toBeGreaterThan(types.indexOf('MilestoneCompleted m1'));
  });

  it('does nothing more when run again, from its checkpoint or from scratch', async () => {
    const { workspace, store } = await plannedWorkspace();
    const first = await new Orchestrator({ store, config, runner: instantAgentRunner, workspace, clock }).runUntilIdle();
    const resumed = new Orchestrator({ store, config, runner: instantAgentRunner, workspace, clock });
    await resumed.resume();
    const again = await resumed.runUntilIdle();
    expect(again).toMatchObject({ handled: 0, appended: 0, executions: 0, position: first.position, boardHash: first.boardHash });
    await rm(join(workspace, '.kairos', 'orchestrator.json'));
    const scratch = await new Orchestrator({ store, config, runner: instantAgentRunner, workspace, clock }).runUntilIdle();
    expect(scratch).toMatchObject({ appended: 0, executions: 0, position: first.position, boardHash: first.boardHash });
  });

  it('replays the log into the board the orchestrator built, reading ahead on a worker thread or not, to any position', async () => {
    const { workspace, store } = await plannedWorkspace();
    const summary = await new Orchestrator({ store, config, runner: instantAgentRunner, workspace, clock }).runUntilIdle();
    const file = join(workspace, '.kairos', 'events.db');
    const inline = await openSqliteEventStore(file, { readAheadFrom: Infinity });
    const ahead = await openSqliteEventStore(file, { readAheadFrom: 1 });
    stores.push(inline, ahead);
    for (const [until, pageSize] of [[summary.position, 1000], [summary.position, 7], [40, 3]] as const) {
      const expected = hashBoard(await foldLog(inline, emptyBoard(), config, until, pageSize));
      expect(hashBoard(await foldLog(ahead, emptyBoard(), config, until, pageSize))).toBe(expected);
      if (until === summary.position) expect(expected).toBe(summary.boardHash);
    }
  });

  it('stops a run whose checkpoint or sprint files cannot be written, though they are written in the background', async () => {
    const blockedCheckpoint = await plannedWorkspace();
    await mkdir(join(blockedCheckpoint.workspace, '.kairos', 'orchestrator.json'));
    const first = new Orchestrator({ store: blockedCheckpoint.store, config, runner: instantAgentRunner, workspace: blockedCheckpoint.workspace, clock, pageSize: 5 });
    await expect(first.runUntilIdle()).rejects.toMatchObject({ code: 'EISDIR' });
    await first.stop();

    const blockedFiles = await plannedWorkspace();
    await writeFile(join(blockedFiles.workspace, 'execution'), 'a file where the sprint folders go');
    const second = new Orchestrator({ store: blockedFiles.store, config, runner: instantAgentRunner, workspace: blockedFiles.workspace, clock, pageSize: 5 });
    await expect(second.runUntilIdle()).rejects.toMatchObject({ code: 'ENOTDIR' });
    await second.stop();
  });

  it('continues after a crash at any step to the same log as an uninterrupted run', async () => {
    const reference = await plannedWorkspace();
    await new Orchestrator({ store: reference.store, config, runner: instantAgentRunner, workspace: reference.workspace, clock }).runUntilIdle();
    const expected = await content(reference.store);
    for (const crashAt of [1, 2, 3, 5, 8, 13, 21, 34, 45, 55]) {
      const { workspace, store } = await plannedWorkspace();
      let steps = 0;
      const crashing = new Orchestrator({
        store, config, runner: instantAgentRunner, workspace, clock, pageSize: 7,
        onStep: () => {
          if (++steps === crashAt) throw new Error(`crash at step ${crashAt}`);
        },
      });
      const crashed = await crashing.runUntilIdle().then(() => false, (error: unknown) => String(error).includes('crash at step'));
      expect(crashed, `crash at step ${crashAt}`).toBe(true);
      await crashing.stop();
      const next = new Orchestrator({ store, config, runner: instantAgentRunner, workspace, clock, pageSize: 7 });
      await next.resume();
      await next.runUntilIdle();
      expect(await content(store), `crash at step ${crashAt}`).toEqual(expected);
    }
  });

  it('rejects the whole output of an agent that reports what the log cannot take, and records why', async () => {
    const { workspace, store } = await plannedWorkspace();
    const runner: AgentRunner = {
      run: (request) => Promise.resolve(request.role === 'qa' ? { status: 'completed', reports: [{ type: 'SprintTestPlanReady', data: {} }, { type: 'TestsAllGreen', data: {} }] } : instantOutcome(request)),
    };
    const orchestrator = new Orchestrator({ store, config, runner, workspace, clock });
    await orchestrator.runUntilIdle();
    const events = await store.readAll({ limit: 10_000 });
    expect(events.filter((event) => event.type === 'SprintTestPlanReady')).toEqual([]);
    const failure = events.find((event) => event.type === 'AgentSkillFailed');
    expect(failure?.reason).toBe('the agent reported an unknown event type "TestsAllGreen" (report 2)');
    expect(orchestrator.board.sprints.get('s1')?.ended.at(-1)).toMatchObject({ role: 'qa', status: 'failed' });
  });

  it("runs at most an agent's concurrency at once, and an isolated sprint's executions alone", async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'kairos-orchestrator-'));
    folders.push(workspace);
    const store = await openEventStore(`sqlite:${join(workspace, '.kairos', 'events.db')}`);
    stores.push(store);
    const sprints = ['s1', 's2', 's3', 's4', 's5'].map((id) => ({ ...testSprint(id, 'm1', [`F-${id}`]), ...(id === 's3' ? { concurrencyPolicy: 'isolated' as const } : {}) }));
    await recordPlan(store, { machines: [config.sprintMachine.definition, config.milestoneMachine.definition], milestones: [testMilestone('m1')], features: [], sprints }, clock);
    const limited: OrchestratorConfig = { ...config, agents: config.agents.map((agent) => ({ ...agent, concurrency: agent.id === 'qa' ? 2 : 3 })) };
    const running = new Map<string, Set<string>>();
    const overlaps: string[] = [];
    let most = 0;
    const runner: AgentRunner = {
      run: async (request) => {
        const now = running.get(request.agentId) ?? new Set<string>();
        running.set(request.agentId, now);
        if (request.isolated === true && now.size > 0) overlaps.push(`${request.executionId} started beside ${[...now].join(', ')}`);
        for (const other of now) if (other.startsWith('exec:s3#')) overlaps.push(`${request.executionId} started beside isolated ${other}`);
        now.add(request.executionId);
        if (request.agentId === 'qa') most = Math.max(most, now.size);
        await new Promise((resolve) => setTimeout(resolve, 5));
        now.delete(request.executionId);
        return instantOutcome(request);
      },
    };
    await new Orchestrator({ store, config: limited, runner, workspace, clock }).runUntilIdle();
    expect(overlaps).toEqual([]);
    expect(most).toBe(2);
    const closed = [...(await store.readAll({ limit: 10_000 }))].filter((event) => event.type === 'SprintClosed').map((event) => event.sprintId);
    expect(closed.sort()).toEqual(['s1', 's2', 's3', 's4', 's5']);
  });

  it('retries a failed skill after its backoff, in calendar time, then goes on', async () => {
    const { workspace, store } = await plannedWorkspace();
    const retrying: OrchestratorConfig = { ...config, agents: config.agents.map((agent) => (agent.roles.includes('qa') ? { ...agent, retry: { skillRetryCount: 2, backoffMs: 40, backoffFactor: 2 } } : agent)) };
    const attempts: { executionId: string; at: number }[] = [];
    const runner: AgentRunner = {
      run: (request) => {
        attempts.push({ executionId: request.executionId, at: performance.now() });
        const flaky = request.sprintId === 's1' && request.currentState === 'ValidatingScope' && (request.attempt ?? 1) < 3;
        return Promise.resolve(flaky ? { status: 'failed', reason: `flaky (attempt ${request.attempt ?? 1})` } : instantOutcome(request));
      },
    };
    const summary = await new Orchestrator({ store, config: retrying, runner, workspace, clock }).runUntilIdle();
    const s1 = attempts.filter((attempt) => attempt.executionId.startsWith('exec:s1#1:qa'));
    expect(s1.map((attempt) => attempt.executionId)).toEqual(['exec:s1#1:qa', 'exec:s1#1:qa@2', 'exec:s1#1:qa@3']);
    // The waits are at least the backoff: 40 ms, then 80 ms (a lower bound, never a time limit).
    expect((s1[1]?.at ?? 0) - (s1[0]?.at ?? 0)).toBeGreaterThanOrEqual(39);
    expect((s1[2]?.at ?? 0) - (s1[1]?.at ?? 0)).toBeGreaterThanOrEqual(79);
    const failures = (await store.readAll({ limit: 10_000 })).filter((event) => event.type === 'AgentSkillFailed').map((event) => event.reason);
    expect(failures).toEqual(['flaky (attempt 1)', 'flaky (attempt 2)']);
    expect(summary.executions).toBe(17);
    const state = JSON.parse(await readFile(sprintStatePath(workspace, 's1'), 'utf8')) as Record<string, unknown>;
    expect(state).toMatchObject({ state: 'Closed' });
  });
});

