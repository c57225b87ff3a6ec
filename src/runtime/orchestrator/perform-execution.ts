import { agentStream, isEventType, sprintStream, type EventScope, type JsonObject, type ProposedEvent } from '../../domain/events/index.js';
import type { ExecutionRequest } from '../../domain/orchestrator/index.js';
import { EventIdConflictError, InvalidEventError, type EventStore } from '../../store/index.js';
import type { AgentOutcome, AgentReport, AgentRunner } from '../agents/agent-runner.js';
import type { Clock } from '../clock.js';

/** What performing an execution needs. */
export interface ExecutionDeps {
  store: EventStore;
  runner: AgentRunner;
  clock: Clock;
  workspace: string;
  signal: AbortSignal;
  /** Monotonic milliseconds, for durations. */
  elapsed: () => number;
}

/** The id of the AgentExecutionStarted of an execution: appending it twice stores it once. */
export const startedEventId = (executionId: string): string => `${executionId}:started`;

/**
 * Records the start of an execution. Resolves to true when this call recorded it (the agent must
 * run), false when it was already recorded (it ran, or runs, elsewhere: do not start it twice).
 */
export async function recordStart(deps: ExecutionDeps, request: ExecutionRequest): Promise<boolean> {
  const result = await deps.store.append(agentStream(request.agentId), [
    stamp(deps, request, { eventId: startedEventId(request.executionId), type: 'AgentExecutionStarted', causationId: request.causationId, data: startedData(request) }),
  ]);
  return !result.duplicate;
}

/**
 * Runs a recorded execution and appends what it reported, then AgentExecutionCompleted, or
 * AgentSkillFailed with the reason. Ids derive from the executionId, so running it again after a
 * crash stores nothing twice. Never throws for what the agent does. Resolves to the number of events it appended.
 */
export async function performExecution(deps: ExecutionDeps, request: ExecutionRequest): Promise<number> {
  const began = deps.elapsed();
  let outcome: AgentOutcome;
  try {
    outcome = await deps.runner.run(request, { workspace: deps.workspace, signal: deps.signal });
  } catch (error) {
    outcome = { status: 'failed', reason: `the agent runner failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  const reports = outcome.reports ?? [];
  const problem = reports.map(reportProblem).find((text) => text !== undefined);
  if (problem !== undefined) outcome = { status: 'failed', reason: problem };
  let appended = problem === undefined ? reports : [];
  try {
    await appendReports(deps, request, appended);
  } catch (error) {
    if (!(error instanceof InvalidEventError)) throw error;
    appended = [];
    outcome = { status: 'failed', reason: `the agent reported an event the log refuses: ${error.message}` };
  }
  const durationMs = Math.max(0, Math.round(deps.elapsed() - began));
  const ending =
    outcome.status === 'completed'
      ? { eventId: `${request.executionId}:completed`, type: 'AgentExecutionCompleted', data: { status: 'Success', reports: appended.length, ...(outcome.artifacts === undefined ? {} : { artifacts: outcome.artifacts }) } }
      : { eventId: `${request.executionId}:failed`, type: 'AgentSkillFailed', reason: outcome.reason, data: { status: 'Failed', reason: outcome.reason } };
  await deps.store.append(agentStream(request.agentId), [stamp(deps, request, { ...ending, causationId: startedEventId(request.executionId), durationMs })]);
  return appended.length + 1;
}

/** Appends an execution's reports, each on its own (a re-run after a crash finds some already stored). */
async function appendReports(deps: ExecutionDeps, request: ExecutionRequest, reports: readonly AgentReport[]): Promise<void> {
  const causationId = startedEventId(request.executionId);
  const streamId = sprintStream(request.sprintId);
  const occurredAt = deps.clock.now();
  const events = reports.map((report, index) =>
    stamp(deps, request, {
      eventId: `${request.executionId}:${index}`,
      type: report.type,
      causationId,
      data: report.data ?? {},
      ...(report.featureId === undefined ? {} : { featureId: report.featureId }),
      ...(report.skillId === undefined ? {} : { skillId: report.skillId }),
      ...(report.reason === undefined ? {} : { reason: report.reason }),
    }, occurredAt),
  );
  if (events.length === 0) return;
  // One atomic append: a report the log refuses rejects the whole output, none of it half-stored;
  // a re-run after a crash finds all of it stored (a duplicate) or none of it.
  try {
    await deps.store.append(streamId, events);
  } catch (error) {
    // A re-run of an agent that reported differently the first time: the first output stands.
    if (!(error instanceof EventIdConflictError)) throw error;
  }
}

/** Why a report cannot be appended, if it cannot. */
function reportProblem(report: AgentReport, index: number): string | undefined {
  if (typeof report.type !== 'string' || !isEventType(report.type)) return `the agent reported an unknown event type ${JSON.stringify(report.type)} (report ${index + 1})`;
  if (report.data !== undefined && (report.data === null || typeof report.data !== 'object' || Array.isArray(report.data))) return `report ${index + 1} (${report.type}): data must be a JSON object`;
  return undefined;
}

function startedData(request: ExecutionRequest): JsonObject {
  return { role: request.role, currentState: request.currentState, features: [...request.features], allowedSkills: [...request.allowedSkills] };
}

/** An event of the execution with the envelope every agent event carries. */
function stamp(
  deps: ExecutionDeps,
  request: ExecutionRequest,
  event: EventScope & { eventId: string; type: string; causationId: string; data: JsonObject },
  occurredAt: string = deps.clock.now(),
): ProposedEvent {
  const scope: EventScope = { sprintId: request.sprintId, agentId: request.agentId, executionId: request.executionId };
  if (request.milestoneId !== undefined) scope.milestoneId = request.milestoneId;
  if (request.moduleId !== undefined) scope.moduleId = request.moduleId;
  return {
    ...scope,
    ...event,
    type: event.type as ProposedEvent['type'],
    occurredAt,
    traceId: request.traceId,
    correlationId: request.correlationId,
  };
}
