import type { JsonObject } from '../events/envelope.js';
import { EventType } from '../events/event-type.js';
import { sprintStream } from '../events/stream-id.js';
import { foldEvidence } from '../evidence/fold-evidence.js';
import { firstString, noItems, withMembers, type JsonRecord } from '../evidence/read-json.js';
import type { CompiledMachine } from '../fsm/compiled-machine.js';
import { transition, type TransitionTaken } from '../fsm/transition.js';
import { evaluateGates } from '../gates/evaluate-gate.js';
import { copyExecution, findExecution, withSprint, type ExecutionRecord, type HeldEvent, type SprintRecord } from './board.js';
import { derivedEventId } from './derived-id.js';
import type { FoldedEvent } from './folded-event.js';
import { gateSummary } from './gate-summary.js';
import type { ReactionDraft } from './reaction.js';
import { activate, enteringRoles, maxEndedKept, retry, retryFailure, sprintScope } from './sprint-activation.js';

const maxHeldKept = 100;
const targetKeys = ['to', 'toState', 'state', 'target'];
const executionIdKeys = ['executionId'];
const reasonKeys = ['reason', 'error', 'message'];

/** Controls: they act on a paused sprint, or make no sense to hold for later. */
const notHeld: ReadonlySet<string> = new Set([EventType.SprintResumed, EventType.SprintAborted, EventType.SprintRewound, EventType.SprintPaused]);

/** Events that send a sprint back to work: each spends one of its retries. */
const setbacks: ReadonlySet<string> = new Set([EventType.GateFailed, EventType.SecurityPolicyViolation]);

/** Folds an event that concerns a sprint: its evidence, its executions and approvals, its machine. */
export function stepSprint(draft: ReactionDraft, sprintId: string, data: JsonRecord): void {
  const before = draft.sprint(sprintId);
  if (before === undefined) return;
  const event = draft.event;
  const evidence = foldEvidence(before.evidence, event);
  let record: SprintRecord = evidence === before.evidence ? before : withSprint(before, { evidence });
  const ending = endedExecution(record, event, data);
  record = ending === undefined ? bookkeep(record, event, data) : endExecution(record, ending.execution);
  if (ending?.failed === true) record = retryFailure(draft, record, ending.execution);
  const machine = draft.machineOf(record.instance);
  // Only an event the machine knows can move it.
  if (machine?.eventIndex.has(event.type) === true) {
    record = moveSprint(draft, machine, record, { eventId: event.eventId, type: event.type, position: event.position, occurredAt: event.occurredAt }, data);
  }
  if (machine !== undefined && event.type === EventType.RetryRequested) record = retry(draft, machine, record, data);
  draft.setSprint(sprintId, record);
}

/** The sprint with an execution moved from running to ended. */
function endExecution(record: SprintRecord, ended: ExecutionRecord): SprintRecord {
  const running: ExecutionRecord[] = [];
  for (const execution of record.running) if (execution.executionId !== ended.executionId) running.push(execution);
  const kept = record.ended.length < maxEndedKept ? record.ended : record.ended.slice(record.ended.length - maxEndedKept + 1);
  return withSprint(record, { running: running.length === 0 ? noItems() : running.slice(), ended: [...kept, ended] });
}

/** What the event says about approvals and checkpoints (an execution's end: see `endExecution`). */
function bookkeep(record: SprintRecord, event: FoldedEvent, data: JsonRecord): SprintRecord {
  switch (event.type) {
    case EventType.ApprovalRequested:
      return record.approval === 'granted' ? record : withSprint(record, { approval: 'requested' });
    case EventType.ApprovalGranted:
    case EventType.ApprovalRejected: {
      const changes: Partial<SprintRecord> = { approval: event.type === EventType.ApprovalGranted ? 'granted' : 'rejected' };
      const by = firstString(data, ['approvedBy', 'rejectedBy', 'by', 'user', 'requestedBy']);
      if (by !== undefined) changes.approvalBy = by;
      const reason = event.reason ?? firstString(data, ['reason']);
      if (reason !== undefined) changes.approvalReason = reason;
      return withSprint(record, changes);
    }
    case EventType.SprintCheckpoint:
      return withSprint(record, { checkpoints: record.checkpoints + 1 });
    default:
      return record;
  }
}

/** The running execution an AgentExecutionCompleted or AgentSkillFailed ends, as it ended. */
function endedExecution(record: SprintRecord, event: FoldedEvent, data: JsonRecord): { execution: ExecutionRecord; failed: boolean } | undefined {
  if (event.type !== EventType.AgentExecutionCompleted && event.type !== EventType.AgentSkillFailed) return undefined;
  const executionId = event.executionId ?? firstString(data, executionIdKeys);
  const running = findExecution(record.running, executionId);
  if (running === undefined) return undefined;
  const failed = event.type === EventType.AgentSkillFailed;
  const reason = failed ? (event.reason ?? firstString(data, reasonKeys) ?? running.reason) : running.reason;
  // Ended in place when the fold owns it (a replay), else as a copy: board records are not changed.
  const execution = withMembers(running, { status: failed ? 'failed' : 'completed', reason }, copyExecution);
  return { execution, failed };
}

/** The event as the sprint machine sees it. */
export interface SprintSignal {
  eventId: string;
  type: string;
  position: number;
  occurredAt: string;
}

/**
 * Feeds an event the machine knows to the sprint's machine. A taken transition appends the events the target state
 * emits and starts the roles it activates; an event a paused sprint cannot take yet is held until
 * it resumes.
 */
function moveSprint(draft: ReactionDraft, machine: CompiledMachine, record: SprintRecord, signal: SprintSignal, data: JsonRecord): SprintRecord {
  const target = firstString(data, targetKeys);
  const result = transition(machine, record.instance, { type: signal.type, position: signal.position, target }, (gates) => {
    const outcome = evaluateGates(gates, record.evidence);
    record = withSprint(record, { lastGates: outcome.results, lastGatesAt: signal.position });
    return outcome.passed;
  });
  if (result.kind !== 'taken') {
    if (result.kind === 'not-applicable' && result.reason === 'no-transition' && isHeldBy(machine, record) && machine.eventIndex.has(signal.type) && !notHeld.has(signal.type)) {
      const held: HeldEvent = { eventId: signal.eventId, type: signal.type, position: signal.position, occurredAt: signal.occurredAt };
      return withSprint(record, { held: [...record.held, held].slice(-maxHeldKept) });
    }
    return record;
  }
  let next = enter(draft, machine, record, result, signal);
  if (signal.type === EventType.SprintResumed && next.held.length > 0) {
    const held = next.held;
    next = withSprint(next, { held: noItems() });
    for (const event of held) {
      const replayed = transition(machine, next.instance, { type: event.type, position: event.position });
      if (replayed.kind === 'taken') next = enter(draft, machine, next, replayed, event);
    }
  }
  return next;
}

const holdingStates = new WeakMap<CompiledMachine, ReadonlySet<number>>();

/** A sprint holds events while in a state it leaves by being resumed (Paused). */
function isHeldBy(machine: CompiledMachine, record: SprintRecord): boolean {
  let states = holdingStates.get(machine);
  if (states === undefined) {
    states = new Set(machine.transitions.filter((t) => t.on === EventType.SprintResumed).flatMap((t) => t.from));
    holdingStates.set(machine, states);
  }
  return states.has(record.instance.state);
}

/** The sprint after a taken transition: new instance and trace, emitted events, started agents. */
function enter(draft: ReactionDraft, machine: CompiledMachine, record: SprintRecord, taken: TransitionTaken, signal: SprintSignal): SprintRecord {
  const stay = taken.instance.transitions;
  let next = withSprint(record, {
    instance: taken.instance,
    enteredAtTime: signal.occurredAt,
    lastTransition: { from: taken.from, to: taken.to, on: signal.type, eventId: signal.eventId, position: signal.position, occurredAt: signal.occurredAt },
    decided: noItems(),
  });
  if (signal.type === EventType.SprintRewound) next = retrace(draft, next, signal);
  if (setbacks.has(signal.type)) next = withSprint(next, { gateFailures: next.gateFailures + 1 });
  for (const type of taken.emit) emitFromSprint(draft, next, stay, type, signal);
  let roles = taken.activate;
  // A rewind re-enters an earlier state: its work starts again as when the state was first entered.
  if (signal.type === EventType.SprintRewound) roles = enteringRoles(machine, taken.instance.state);
  if (setbacks.has(signal.type) && next.gateFailures > draft.config.maxGateRetries) roles = [];
  return activate(draft, next, roles, stay, taken.to);
}

/** A rewind runs the sprint under a new trace, chained to the one it replaces. */
function retrace(draft: ReactionDraft, record: SprintRecord, signal: SprintSignal): SprintRecord {
  const traceId = draft.event.traceId;
  if (traceId === record.traceId) return record;
  const reason = draft.event.reason ?? `rewound to ${record.instance.state}`;
  return withSprint(record, { traceId, traces: [...record.traces, { traceId, previousTraceId: record.traceId, position: signal.position, reason }] });
}

/** An event a state emits on entry, with the payload the spec gives it. */
function emitFromSprint(draft: ReactionDraft, record: SprintRecord, stay: number, type: string, signal: SprintSignal): void {
  // A fold appends nothing: the payload would be built for nobody.
  if (!draft.wantsIntents) return;
  const streamId = sprintStream(record.id);
  const data: JsonObject = { sprintId: record.id };
  if (record.milestoneId !== undefined) data['milestone'] = record.milestoneId;
  if (type === EventType.SprintStarted) {
    data['features'] = [...record.features];
    data['agents'] = [...record.agents];
  } else if (type === EventType.SprintClosed) {
    data['completedArtifacts'] = completedArtifacts(record);
    const versionTag = record.milestoneId === undefined ? undefined : draft.milestone(record.milestoneId)?.versionTag;
    if (versionTag !== undefined) data['versionTag'] = versionTag;
    data['traceId'] = record.traceId;
  } else if (type === EventType.RetryPhaseEntered) {
    data['cause'] = signal.type;
    data['retries'] = record.gateFailures;
    if (record.gateFailures > draft.config.maxGateRetries) data['waitingFor'] = 'a person: the retry budget is spent';
    if (record.lastGates !== undefined) data['unmetGates'] = gateSummary(record.lastGates.filter((result) => !result.passed));
  }
  draft.append({
    streamId,
    eventId: derivedEventId(streamId, stay, type),
    type: type as EventType,
    traceId: record.traceId,
    correlationId: record.correlationId,
    scope: sprintScope(record),
    data,
  });
}

/** Files the sprint produced, by path. */
function completedArtifacts(record: SprintRecord): string[] {
  const paths = new Set<string>();
  for (const file of record.evidence.unattributed.files) paths.add(file.path);
  for (const featureId of record.features) for (const file of record.evidence.features[featureId]?.files ?? []) paths.add(file.path);
  return [...paths].sort();
}
