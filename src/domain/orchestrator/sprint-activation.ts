import { EventType } from '../events/event-type.js';
import { sprintStream } from '../events/stream-id.js';
import { firstString, type EveryMember, type JsonRecord } from '../evidence/read-json.js';
import type { CompiledMachine } from '../fsm/compiled-machine.js';
import type { Agent } from '../planning/agent.js';
import { isSameRole } from '../planning/role-key.js';
import { ConcurrencyPolicy } from '../planning/sprint.js';
import { copyExecution, findExecution, withSprint, type ExecutionRecord, type SprintRecord } from './board.js';
import { derivedExecutionId } from './derived-id.js';
import type { ReactionDraft } from './reaction.js';

/** How many ended executions a sprint record keeps (the latest). */
export const maxEndedKept = 20;

/**
 * RetryRequested (`kairos retry`): runs again the failed executions of the current stay (those of
 * `agentId` only, when given), or, when none failed, the roles the current state activates.
 * A `featureId` narrows the new executions to that feature.
 */
export function retry(draft: ReactionDraft, machine: CompiledMachine, record: SprintRecord, data: JsonRecord): SprintRecord {
  const agentId = draft.event.agentId ?? firstString(data, ['agentId', 'agent']);
  const featureId = draft.event.featureId ?? firstString(data, ['featureId', 'feature']);
  const stay = record.instance.transitions;
  const failed = new Map<string, ExecutionRecord>();
  for (const execution of record.ended) {
    if (execution.state !== machine.states[record.instance.state]) continue;
    if (execution.status === 'failed') failed.set(execution.role, execution);
    else failed.delete(execution.role);
  }
  let roles = [...failed.values()].filter((execution) => agentId === undefined || execution.agentId === agentId || isSameRole(execution.role, agentId)).map((execution) => execution.role);
  if (roles.length === 0) roles = enteringRoles(machine, record.instance.state).filter((role) => agentId === undefined || isSameRole(role.replace(/\?$/, ''), agentId));
  if (agentId !== undefined && roles.length === 0) roles = [agentId];
  return activate(draft, record, roles, stay, machine.states[record.instance.state] as string, {
    retryAt: draft.event.position,
    ...(featureId === undefined ? {} : { features: [featureId] }),
  });
}

/**
 * An execution that failed runs again, after its agent's backoff (`backoffMs × backoffFactor^(n-1)`
 * before attempt n+1), while the agent's `skillRetryCount` allows and the sprint is still in the
 * stay that started it. Once the count is spent the failure waits for a person (`kairos retry`,
 * `kairos override`).
 */
export function retryFailure(draft: ReactionDraft, record: SprintRecord, failed: ExecutionRecord): SprintRecord {
  const agent = failed.agentId === undefined ? undefined : draft.config.agents.find((candidate) => candidate.id === failed.agentId);
  if (agent === undefined || failed.attempt > agent.retry.skillRetryCount || failed.stay !== record.instance.transitions) return record;
  const delayMs = Math.round(agent.retry.backoffMs * agent.retry.backoffFactor ** (failed.attempt - 1));
  return activate(draft, record, [failed.role], failed.stay, failed.state, {
    attempt: failed.attempt + 1,
    delayMs,
    ...(failed.retryAt === undefined ? {} : { retryAt: failed.retryAt }),
    ...(failed.features === undefined ? {} : { features: failed.features }),
  });
}

/** How an activation differs from a state's first: a person's retry, a narrower scope, a repeated attempt. */
export interface ActivationOptions {
  /** Position of the RetryRequested that asked for it. */
  retryAt?: number;
  /** The features it works on (default: the sprint's). */
  features?: readonly string[];
  attempt?: number;
  delayMs?: number;
}

/** The roles a state's work needs: those activated by the first transition into it that activates any. */
export function enteringRoles(machine: CompiledMachine, state: number): readonly string[] {
  return machine.transitions.find((t) => t.target === state && t.activate.length > 0)?.activate ?? [];
}

/**
 * Starts `roles` for the sprint: one execution each, run by the first agent answering to the role.
 * A role no agent answers to is a failed execution saying so, except an optional one (`role?` in
 * the machine), which is then skipped.
 */
export function activate(
  draft: ReactionDraft,
  record: SprintRecord,
  roles: readonly string[],
  stay: number,
  state: string,
  options: ActivationOptions = firstActivation,
): SprintRecord {
  if (roles.length === 0) return record;
  const { retryAt, attempt = 1, delayMs } = options;
  const features = options.features ?? record.features;
  const started: ExecutionRecord[] = [];
  const failed: ExecutionRecord[] = [];
  // An index loop: `for…of` over the machine's frozen role list allocates an iterator result per role.
  for (let index = 0; index < roles.length; index++) {
    const written = roles[index] as string;
    const optional = written.endsWith('?');
    const role = optional ? written.slice(0, -1) : written;
    const executionId = derivedExecutionId(record.id, stay, role, retryAt, attempt);
    if (findExecution(record.running, executionId) !== undefined || findExecution(started, executionId) !== undefined) continue;
    const agent = agentFor(draft.config.agents, role);
    if (agent === undefined && optional) continue;
    const execution: EveryMember<ExecutionRecord> = {
      executionId,
      role,
      agentId: agent?.id,
      state,
      startedAt: draft.event.position,
      stay,
      attempt,
      retryAt,
      features: options.features,
      status: 'running',
      reason: undefined,
    };
    if (agent === undefined) {
      const reason = `no agent in planning/agents.yaml answers to role ${role}`;
      const unassigned = copyExecution(execution);
      unassigned.status = 'failed';
      unassigned.reason = reason;
      failed.push(unassigned);
      draft.append({
        streamId: sprintStream(record.id),
        eventId: `${executionId}:unassigned`,
        type: EventType.AgentSkillFailed,
        traceId: record.traceId,
        correlationId: record.correlationId,
        scope: { ...sprintScope(record), executionId, reason },
        data: { executionId, role, sprintId: record.id, status: 'Failed', reason },
      });
      continue;
    }
    started.push(execution);
    if (!draft.wantsIntents) continue;
    draft.intents.push({
      kind: 'run',
      execution: {
        executionId,
        agentId: agent.id,
        role,
        sprintId: record.id,
        ...(record.milestoneId === undefined ? {} : { milestoneId: record.milestoneId }),
        ...(record.moduleId === undefined ? {} : { moduleId: record.moduleId }),
        currentState: state,
        traceId: record.traceId,
        correlationId: record.correlationId,
        causationId: draft.event.eventId,
        features,
        allowedSkills: agent.skills,
        ...(attempt > 1 ? { attempt } : {}),
        ...(delayMs === undefined || delayMs <= 0 ? {} : { delayMs }),
        ...(record.concurrencyPolicy === ConcurrencyPolicy.Isolated ? { isolated: true } : {}),
      },
    });
  }
  // Exact-size lists: a list grown by `push` keeps spare capacity as long as the record lives.
  const running = started.length === 0 ? record.running : [...record.running, ...started];
  const ended = failed.length === 0 ? record.ended : [...record.ended, ...failed].slice(-maxEndedKept);
  return withSprint(record, { running, ended });
}

/** A state's first activation: no options. */
const firstActivation: ActivationOptions = Object.freeze({});

const agentsByRole = new WeakMap<readonly Agent[], Map<string, Agent | undefined>>();

/** The first agent answering to `role` (by id or by one of its roles), remembered per registry. */
function agentFor(agents: readonly Agent[], role: string): Agent | undefined {
  let known = agentsByRole.get(agents);
  if (known === undefined) {
    known = new Map();
    agentsByRole.set(agents, known);
  }
  if (!known.has(role)) known.set(role, agents.find((candidate) => isSameRole(candidate.id, role) || candidate.roles.some((name) => isSameRole(name, role))));
  return known.get(role);
}

/** The scope fields of events about this sprint. */
export function sprintScope(record: SprintRecord): { sprintId: string; milestoneId?: string; moduleId?: string } {
  return {
    sprintId: record.id,
    ...(record.milestoneId === undefined ? {} : { milestoneId: record.milestoneId }),
    ...(record.moduleId === undefined ? {} : { moduleId: record.moduleId }),
  };
}
