import { lstatSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import {
  checkScope,
  executionRecord,
  executionSkill,
  isWithinFolder,
  reportedPaths,
  scopeViolationReason,
  type ScopeViolation,
} from '../../domain/agents/index.js';
import { agentStream, isEventType, sprintStream, type EventScope, type JsonObject, type ProposedEvent, type StoredEvent } from '../../domain/events/index.js';
import type { ExecutionRequest } from '../../domain/orchestrator/index.js';
import { EventIdConflictError, InvalidEventError, type EventStore } from '../../store/index.js';
import type { AgentOutcome, AgentReport, AgentRunner } from '../agents/agent-runner.js';
import type { Clock } from '../clock.js';
import { executionMetadataWriter, type ExecutionMetadataSink } from './execution-metadata-writer.js';

/** Violations an AgentScopeViolation lists (it counts them all). */
const maxViolationsListed = 100;

/** What performing an execution needs. */
export interface ExecutionDeps {
  store: EventStore;
  runner: AgentRunner;
  clock: Clock;
  workspace: string;
  signal: AbortSignal;
  /** Monotonic milliseconds, for durations. */
  elapsed: () => number;
  /** Where execution records go; default: `metadata/<moduleId>/execution-metadata.json` by the shared `executionMetadataWriter`. */
  metadata?: ExecutionMetadataSink;
  /** The workspace's real path, when the caller knows it (see `workspaceRealPath`); default: resolved for each execution. */
  realWorkspace?: () => Promise<string | undefined>;
}

/**
 * The real path of `workspace`, resolved once, on the first call: an orchestrator's scope checks
 * then spend no system call on their workspace (their files are still resolved one by one).
 * Undefined when it cannot be resolved.
 */
export function workspaceRealPath(workspace: string): () => Promise<string | undefined> {
  let real: Promise<string | undefined> | undefined;
  return () => (real ??= realpath(resolve(workspace)).catch(() => undefined));
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
 * Runs a recorded execution, checks its output against its scope (`checkScope`) and appends what it
 * reported, then AgentExecutionCompleted; or AgentSkillFailed with the reason, preceded by
 * AgentScopeViolation when the output broke a scope rule (then none of it is appended). Ids derive
 * from the executionId, so running it again after a crash stores nothing twice. Then its record,
 * built from the stored events (a re-run gives the same bytes), is handed to `deps.metadata` for
 * `execution-metadata.json`, without waiting for the write (`flush()` the writer for that).
 * Never throws for what the agent does. Resolves to the number of events it appended.
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
  const artifacts = outcome.status === 'completed' ? (outcome.artifacts ?? []) : [];
  const stderr = outcome.stderr;
  const problem = reports.map(reportProblem).find((text) => text !== undefined);
  if (problem !== undefined) outcome = { status: 'failed', reason: problem };
  const violations = problem === undefined ? await scopeViolations(deps, request, reports, artifacts) : [];
  let appended = problem === undefined && violations.length === 0 ? reports : [];
  try {
    await appendReports(deps, request, appended);
  } catch (error) {
    if (!(error instanceof InvalidEventError)) throw error;
    appended = [];
    outcome = { status: 'failed', reason: `the agent reported an event the log refuses: ${error.message}` };
  }
  const durationMs = Math.max(0, Math.round(deps.elapsed() - began));
  const skillId = executionSkill(request.allowedSkills, reports);
  const envelope = { causationId: startedEventId(request.executionId), durationMs, ...(skillId === undefined ? {} : { skillId }) };
  // What the execution record needs that the envelope does not carry: the file is then a view of the log.
  const common: JsonObject = stderr === undefined ? {} : { stderr };
  const events: ProposedEvent[] = [];
  if (violations.length > 0) {
    const reason = scopeViolationReason(violations);
    events.push(
      stamp(deps, request, { ...envelope, eventId: `${request.executionId}:scope-violation`, type: 'AgentScopeViolation', reason, data: violationData(request, skillId, violations, reports.length) }),
      stamp(deps, request, { ...envelope, eventId: `${request.executionId}:failed`, type: 'AgentSkillFailed', reason, data: { status: 'Failed', reason, ...common, ...(outcome.status === 'failed' ? { agentReason: outcome.reason } : {}) } }),
    );
  } else if (outcome.status === 'completed') {
    const produced = [...new Set([...artifacts, ...reportedPaths(appended).map((named) => named.path)])];
    events.push(stamp(deps, request, { ...envelope, eventId: `${request.executionId}:completed`, type: 'AgentExecutionCompleted', data: { status: 'Success', reports: appended.length, ...(produced.length === 0 ? {} : { artifacts: produced }), ...common } }));
  } else {
    events.push(stamp(deps, request, { ...envelope, eventId: `${request.executionId}:failed`, type: 'AgentSkillFailed', reason: outcome.reason, data: { status: 'Failed', reason: outcome.reason, ...common } }));
  }
  const stored = await deps.store.append(agentStream(request.agentId), events);
  // In the background: the file is a view of the log, and never holds the orchestrator up.
  recordExecution(deps, request, stored.events);
  return appended.length + events.length;
}

/** The payload of an AgentScopeViolation. */
function violationData(request: ExecutionRequest, skillId: string | undefined, violations: readonly ScopeViolation[], rejected: number): JsonObject {
  return {
    executionId: request.executionId,
    agentId: request.agentId,
    sprintId: request.sprintId,
    ...(skillId === undefined ? {} : { skillId }),
    violations: violations.slice(0, maxViolationsListed).map((violation) => ({ rule: violation.rule, detail: violation.detail })),
    violationCount: violations.length,
    rejectedReports: rejected,
  };
}

/**
 * The scope rules the output breaks. Files it names that exist (or whose nearest existing folder
 * does) are resolved with `realpath`, so a symlink out of the workspace is caught.
 */
async function scopeViolations(deps: ExecutionDeps, request: ExecutionRequest, reports: readonly AgentReport[], artifacts: readonly string[]): Promise<ScopeViolation[]> {
  const root = resolve(deps.workspace);
  const named = [...new Set(reportedPaths(reports, artifacts).map((item) => item.path))];
  const realPaths = new Map<string, string>();
  const realWorkspace = named.length === 0 ? undefined : await (deps.realWorkspace ?? workspaceRealPath(root))();
  if (realWorkspace !== undefined) {
    for (const path of named) {
      const real = await realLocation(root, realWorkspace, path);
      if (real !== undefined) realPaths.set(path, real);
    }
  }
  const scope = { sprintId: request.sprintId, milestoneId: request.milestoneId, features: request.features, allowedSkills: request.allowedSkills, workspace: root };
  return checkScope(scope, { reports, artifacts, realPaths, realWorkspace });
}

/**
 * Where `path` (relative to the workspace `root`) really is: the real path of the file, or of its
 * nearest existing folder joined with the rest. Undefined for a path outside the workspace (the
 * scope check reports it as written) or one that cannot be resolved.
 */
async function realLocation(root: string, realRoot: string, path: string): Promise<string | undefined> {
  let current = resolve(root, path);
  if (!isWithinFolder(root, current)) return undefined;
  const rest: string[] = [];
  while (current !== root) {
    // lstat first, without throwing: a file not written yet is the common case, and an exception
    // per missing level costs more than the check.
    if (lstatSync(current, { throwIfNoEntry: false }) !== undefined) {
      try {
        return join(await realpath(current), ...rest);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') return undefined;
      }
    }
    rest.unshift(basename(current));
    current = dirname(current);
  }
  return join(realRoot, ...rest);
}

/** Hands the execution's record, built from the events that ended it as stored, to the metadata writer. */
function recordExecution(deps: ExecutionDeps, request: ExecutionRequest, stored: readonly StoredEvent[]): void {
  const ended = stored.at(-1);
  if (ended === undefined) return;
  const violation = stored.find((event) => event.type === 'AgentScopeViolation');
  const record = executionRecord({ role: request.role, features: request.features, attempt: request.attempt ?? 1 }, ended, violation);
  const owner = { moduleId: request.moduleId, milestoneId: request.milestoneId, sprintId: request.sprintId };
  void (deps.metadata ?? executionMetadataWriter).record(deps.workspace, owner, record);
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
  // Assigned, not spread: a spread of events of many shapes, with `type` given again, takes V8's
  // slow path (about 6 µs an event against 0.2). The members are this module's own, none inherited.
  const proposed = Object.assign(scope, event) as ProposedEvent & EventScope;
  proposed.occurredAt = occurredAt;
  proposed.traceId = request.traceId;
  proposed.correlationId = request.correlationId;
  return proposed;
}
