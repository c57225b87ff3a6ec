import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OrchestratorConfig } from '../../domain/orchestrator/index.js';
import { instantAgentRunner, instantAgentsConfig, recordPlan, type AgentRunner, type Clock } from '../../runtime/index.js';
import { openEventStore, type EventStore } from '../../store/index.js';
import { testMilestone, testSprint } from '../../domain/planning/testing/plan-fixtures.js';

/** A clock whose every reading is one second after the last, from 2026-01-01T10:00:00Z. */
export function steppingClock(): Clock {
  let tick = 0;
  return { now: () => new Date(Date.UTC(2026, 0, 1, 10, 0, tick++)).toISOString() };
}

/**
 * The instant agents, except that the first attempt of each backend-developer execution fails:
 * the orchestrator retries it once (its agent allows one retry, without backoff).
 */
export const flakyRunner: AgentRunner = {
  run: (request, context) =>
    request.role === 'backend-developer' && request.currentState === 'Active' && (request.attempt ?? 1) === 1
      ? Promise.resolve({ status: 'failed', reason: 'simulated flaky failure' })
      : instantAgentRunner.run(request, context),
};

/** A workspace with a recorded plan (two milestones, three sprints) on a real SQLite log, for telemetry tests. */
export interface ObservedWorkspace {
  workspace: string;
  store: EventStore;
  config: OrchestratorConfig;
  clock: Clock;
  dispose(): Promise<void>;
}

export async function observedWorkspace(): Promise<ObservedWorkspace> {
  const base = await instantAgentsConfig();
  const config: OrchestratorConfig = { ...base, agents: base.agents.map((agent) => ({ ...agent, retry: { skillRetryCount: 1, backoffMs: 0, backoffFactor: 1 } })) };
  const workspace = await mkdtemp(join(tmpdir(), 'kairos-telemetry-'));
  const store = await openEventStore(`sqlite:${join(workspace, '.kairos', 'events.db')}`);
  const clock = steppingClock();
  await recordPlan(
    store,
    {
      machines: [config.sprintMachine.definition, config.milestoneMachine.definition],
      milestones: [testMilestone('m1', 'm2'), testMilestone('m2')],
      features: [],
      sprints: [testSprint('s1', 'm1', ['A', 'B']), testSprint('s2', 'm1', ['C']), testSprint('s3', 'm2', ['D'])],
    },
    clock,
  );
  return {
    workspace,
    store,
    config,
    clock,
    dispose: async () => {
      await store.close();
      await rm(workspace, { recursive: true, force: true });
    },
  };
}
