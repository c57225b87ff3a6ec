import type { JsonObject } from '../events/envelope.js';
import { FeatureStatus } from '../planning/feature.js';
import type { ExecutionRecord, SprintRecord } from './board.js';
import type { OrchestratorConfig } from './orchestrator-config.js';
import { unrecoveredFailures } from './sprint-view.js';

/**
 * What failed in a sprint and what a person can do about it: the content of
 * `execution/<sprintId>/execution-errors.json`, `retry-history.json` and `recovery-plan.yaml`.
 * A pure function of the board (so a replay rebuilds the files byte for byte); `undefined` for a
 * sprint where nothing ever failed (no files).
 */
export interface RecoveryView {
  /** Failures holding the sprint up now: retries spent, waiting for a person. */
  errors: JsonObject[];
  /** The sprint's latest executions (at most 20), each attempt with its outcome. */
  history: JsonObject[];
  /** One entry per error: the actions open, each with its command. */
  plan: JsonObject;
}

/**
 * The recovery view of a sprint whose executions failed at some point, else undefined. `patchable`:
 * the sprint's state takes a PatchEmitted (then a patch is one of the actions).
 */
export function recoveryView(sprint: SprintRecord, state: string, config: OrchestratorConfig, patchable = false): RecoveryView | undefined {
  if (!sprint.ended.some((execution) => execution.status === 'failed')) return undefined;
  const blocking = unrecoveredFailures(sprint, state);
  const errors = blocking.map((execution) => errorOf(sprint, execution, config));
  const history = [...sprint.ended, ...sprint.running].sort((a, b) => a.startedAt - b.startedAt || a.executionId.localeCompare(b.executionId)).map(attemptOf);
  return {
    errors,
    history,
    plan: {
      sprintId: sprint.id,
      state,
      traceId: sprint.traceId,
      status: blocking.length === 0 ? 'recovered' : 'waiting-for-a-person',
      failures: blocking.map((execution) => ({ executionId: execution.executionId, agentId: execution.agentId ?? null, role: execution.role, features: [...(execution.features ?? sprint.features)], attempts: execution.attempt, error: execution.reason ?? 'failed', actions: actionsFor(sprint, execution, patchable) })),
    },
  };
}

function errorOf(sprint: SprintRecord, execution: ExecutionRecord, config: OrchestratorConfig): JsonObject {
  const agent = config.agents.find((candidate) => candidate.id === execution.agentId);
  return {
    executionId: execution.executionId,
    agentId: execution.agentId ?? null,
    role: execution.role,
    state: execution.state,
    features: [...(execution.features ?? sprint.features)],
    attempts: execution.attempt,
    retryCount: agent?.retry.skillRetryCount ?? 0,
    error: execution.reason ?? 'failed',
    position: execution.startedAt,
  };
}

function attemptOf(execution: ExecutionRecord): JsonObject {
  const attempt: JsonObject = { executionId: execution.executionId, agentId: execution.agentId ?? null, role: execution.role, state: execution.state, attempt: execution.attempt, status: execution.status, startedAt: execution.startedAt };
  if (execution.retryAt !== undefined) attempt['requestedAt'] = execution.retryAt;
  if (execution.reason !== undefined) attempt['error'] = execution.reason;
  return attempt;
}

/** The actions open for a failure, in the order a person would try them; overrides only for features still open. */
function actionsFor(sprint: SprintRecord, execution: ExecutionRecord, patchable: boolean): JsonObject[] {
  const agent = execution.agentId ?? execution.role;
  const open = (execution.features ?? sprint.features).filter((featureId) => {
    const status = sprint.evidence.features[featureId]?.status;
    return status !== FeatureStatus.Completed && status !== FeatureStatus.Deferred;
  });
  return [
    { action: 're-run', command: `kairos retry ${sprint.id} --agent ${agent} --reason "<why it should pass now>"` },
    ...open.map((featureId) => ({ action: 'override', command: `kairos override ${sprint.id} --feature ${featureId} --reason "<why it is done>"` })),
    ...(patchable ? [{ action: 'patch', command: `kairos emit PatchEmitted --sprint ${sprint.id} --data '{"sprintId":"${sprint.id}"}'` }] : []),
    { action: 'pause', command: `kairos pause ${sprint.id} --reason "<why>"` },
    { action: 'abort', command: `kairos abort ${sprint.id} --reason "<why>"` },
  ];
}
