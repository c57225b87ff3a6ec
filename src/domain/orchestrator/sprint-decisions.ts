import type { JsonObject } from '../events/envelope.js';
import { EventType } from '../events/event-type.js';
import { sprintStream } from '../events/stream-id.js';
import { isTerminal } from '../fsm/machine-instance.js';
import { waitingStates } from '../fsm/waiting-states.js';
import { evaluateGates } from '../gates/evaluate-gate.js';
import type { GateResult } from '../gates/gate-result.js';
import { FeatureStatus } from '../planning/feature.js';
import { withSprint, type SprintRecord } from './board.js';
import { derivedEventId } from './derived-id.js';
import { gateSummary } from './gate-summary.js';
import type { ReactionDraft } from './reaction.js';
import { sprintScope } from './sprint-activation.js';

/**
 * The decisions the orchestrator makes for a sprint, each only when the current state waits for
 * the event it appends (so a replaced machine gets exactly the decisions its states ask for):
 *
 * - SprintReadyToStart: approval granted where one is needed (ApprovalRequested first), the
 *   sprint's milestone started, no agent still running.
 * - SprintCheckpoint: after every `checkpointEvery` completed features (by default once, at the midpoint).
 * - SprintOutputsReady: every in-scope feature completed or deferred, no agent still running.
 * - AllTraceChecksPassed or GateFailed: no agent still running; the sprint's gates decide.
 */
export function decideSprint(draft: ReactionDraft, sprintId: string): void {
  const record = draft.sprint(sprintId);
  if (record === undefined) return;
  const machine = draft.machineOf(record.instance);
  if (machine === undefined || isTerminal(machine, record.instance)) return;
  const waiting = sprintDecisions(machine)[record.instance.state] ?? 0;
  if (waiting === 0) return;
  let next = record;
  if (waiting & WaitsOn.ReadyToStart) next = decideStart(draft, next);
  if (waiting & WaitsOn.OutputsReady) next = decideOutputs(draft, next);
  if (waiting & (WaitsOn.Passed | WaitsOn.Failed)) next = decideVerdict(draft, next, (waiting & WaitsOn.Passed) !== 0, (waiting & WaitsOn.Failed) !== 0);
  // Set even when it looks unchanged: a record copied earlier in the batch is updated in place.
  draft.setSprint(sprintId, next);
}

/** The decision events, as bits of `sprintDecisions`. */
const WaitsOn = { ReadyToStart: 1, OutputsReady: 2, Passed: 4, Failed: 8 } as const;
const sprintDecisions = waitingStates([EventType.SprintReadyToStart, EventType.SprintOutputsReady, EventType.AllTraceChecksPassed, EventType.GateFailed]);

function decideStart(draft: ReactionDraft, record: SprintRecord): SprintRecord {
  if (record.approval === 'required') {
    return decide(draft, record, EventType.ApprovalRequested, () => ({ sprintId: record.id, subject: 'sprint', reason: 'the sprint needs an approval before it starts' }));
  }
  if (record.approval === 'requested' || record.approval === 'rejected') return record;
  if (record.milestoneId !== undefined) {
    const milestone = draft.milestone(record.milestoneId);
    if (milestone !== undefined && !milestone.started) return record;
  }
  if (record.running.length > 0) return record;
  return decide(draft, record, EventType.SprintReadyToStart, () => {
    const data: JsonObject = { sprintId: record.id };
    if (record.approval === 'granted' && record.approvalBy !== undefined) data['approvedBy'] = record.approvalBy;
    return data;
  });
}

function decideOutputs(draft: ReactionDraft, record: SprintRecord): SprintRecord {
  // Counted first: the lists are built only for the one decision that carries them.
  let completed = 0;
  let settled = 0;
  for (const featureId of record.features) {
    const status = record.evidence.features[featureId]?.status;
    if (status === FeatureStatus.Completed) completed++;
    if (status === FeatureStatus.Completed || status === FeatureStatus.Deferred) settled++;
  }
  const total = record.features.length;
  let next = record;
  const every = draft.config.checkpointEvery > 0 ? draft.config.checkpointEvery : Math.ceil(total / 2);
  for (let index = next.checkpoints + 1; total > 1 && index * every <= completed && index * every < total; index++) {
    next = decideCheckpoint(draft, next, index, index * every, total);
  }
  if (settled < total || next.running.length > 0) return next;
  return decideOutputsReady(draft, next);
}

// The payload closures live in functions of their own: a function that makes a closure allocates
// its context on every call, and `decideOutputs` runs for every event of a working sprint.

function decideCheckpoint(draft: ReactionDraft, record: SprintRecord, checkpoint: number, completedFeatures: number, totalFeatures: number): SprintRecord {
  return decide(draft, record, EventType.SprintCheckpoint, () => ({ sprintId: record.id, checkpoint, completedFeatures, totalFeatures }), `SprintCheckpoint-${checkpoint}`);
}

function decideOutputsReady(draft: ReactionDraft, record: SprintRecord): SprintRecord {
  const withStatus = (wanted: FeatureStatus): string[] => record.features.filter((featureId) => record.evidence.features[featureId]?.status === wanted);
  return decide(draft, record, EventType.SprintOutputsReady, () => ({ sprintId: record.id, completedFeatures: withStatus(FeatureStatus.Completed), deferredFeatures: withStatus(FeatureStatus.Deferred) }));
}

function decideVerdict(draft: ReactionDraft, record: SprintRecord, passes: boolean, fails: boolean): SprintRecord {
  if (record.running.length > 0) return record;
  if (record.decided.includes(EventType.AllTraceChecksPassed) || record.decided.includes(EventType.GateFailed)) return record;
  const outcome = evaluateGates(record.gates, record.evidence);
  const evaluated = withSprint(record, { lastGates: outcome.results, lastGatesAt: draft.event.position });
  if (outcome.passed && passes) return decide(draft, evaluated, EventType.AllTraceChecksPassed, () => ({ sprintId: record.id, gates: gateSummary(outcome.results) }));
  if (!outcome.passed && fails) return decide(draft, evaluated, EventType.GateFailed, () => verdictData(record.id, outcome.results));
  return evaluated;
}

function verdictData(sprintId: string, results: readonly GateResult[]): JsonObject {
  const gates = gateSummary(results);
  return { sprintId, unmetGates: gates.filter((gate) => gate['passed'] === false), gates };
}

/**
 * Appends one decision of the current stay, once. `data` is built only when the decision is new
 * (most events find it already made) and only for a reaction (a fold appends nothing).
 */
function decide(draft: ReactionDraft, record: SprintRecord, type: EventType, data: () => JsonObject, what: string = type): SprintRecord {
  if (record.decided.includes(what)) return record;
  if (draft.wantsIntents) {
    const streamId = sprintStream(record.id);
    const eventId = derivedEventId(streamId, record.instance.transitions, what);
    draft.append({ streamId, eventId, type, traceId: record.traceId, correlationId: record.correlationId, scope: sprintScope(record), data: data() });
  }
  return withSprint(record, { decided: [...record.decided, what] });
}
