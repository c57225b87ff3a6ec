import type { JsonObject } from '../events/envelope.js';
import { EventType, isEventType } from '../events/event-type.js';
import { milestoneStream } from '../events/stream-id.js';
import { milestoneEvidenceScope } from '../evidence/evidence-scope.js';
import { foldEvidence } from '../evidence/fold-evidence.js';
import { emptyDictionary, firstString, withItem, type JsonRecord } from '../evidence/read-json.js';
import { joinScope, rescopeEvidence } from '../evidence/rescope-evidence.js';
import { emptyEvidence } from '../evidence/scope-evidence.js';
import type { CompiledMachine } from '../fsm/compiled-machine.js';
import { FsmSignal } from '../fsm/fsm-signal.js';
import { createInstance, isTerminal } from '../fsm/machine-instance.js';
import { transition } from '../fsm/transition.js';
import { waitingStates } from '../fsm/waiting-states.js';
import { evaluateGate, evaluateGates } from '../gates/evaluate-gate.js';
import { copyMilestoneRecord, withMilestone, type MilestoneRecord } from './board.js';
import { derivedEventId } from './derived-id.js';
import { countsForMilestone, lastEvidencePosition, milestoneEvidence } from './milestone-evidence.js';
import { gateSummary } from './gate-summary.js';
import { plannedMilestone } from './planned-definitions.js';
import type { ReactionDraft } from './reaction.js';

/** MilestonePlanCreated: a new milestone (last in plan order), or a changed definition of a known one. */
export function planMilestone(draft: ReactionDraft, milestoneId: string, data: JsonRecord): void {
  const event = draft.event;
  const planned = plannedMilestone(data);
  const existing = draft.milestone(milestoneId);
  const sprints = existing?.sprints ?? draft.sprintsOfMilestone(milestoneId);
  const scope = milestoneEvidenceScope({ id: milestoneId, ...planned }, sprints.map((id) => sprintOf(draft, id, milestoneId)));
  const record: MilestoneRecord = existing === undefined
    ? copyMilestoneRecord({
        id: milestoneId,
        name: planned.name,
        order: draft.milestoneOrder().length,
        gates: planned.gates,
        triggers: planned.triggers,
        versionTag: planned.versionTag,
        instance: createInstance(draft.machines.current('milestone') ?? draft.config.milestoneMachine, event.position),
        started: false,
        sprints,
        evidence: emptyEvidence(scope),
        enteredAtTime: event.occurredAt,
        traceId: event.traceId,
        requiredFeatures: planned.requiredFeatures,
        parallelStreams: planned.parallelStreams,
        allowsDeferred: planned.allowsDeferred,
      })
    : withMilestone(existing, {
        name: planned.name,
        versionTag: planned.versionTag,
        gates: planned.gates,
        triggers: planned.triggers,
        requiredFeatures: planned.requiredFeatures,
        parallelStreams: planned.parallelStreams,
        allowsDeferred: planned.allowsDeferred,
        evidence: rescopeEvidence(existing.evidence, scope),
      });
  if (existing === undefined) draft.newMilestones.push(milestoneId);
  draft.setMilestone(milestoneId, record);
}

/** A sprint planned for a milestone joins its scope (its id and its features, added to what is there). */
export function attachSprint(draft: ReactionDraft, milestoneId: string, sprintId: string): void {
  const milestone = draft.milestone(milestoneId);
  if (milestone === undefined) return;
  const evidence = joinScope(milestone.evidence, [sprintId], draft.sprint(sprintId)?.features ?? []);
  const joins = !milestone.sprints.includes(sprintId);
  if (!joins && evidence === milestone.evidence) return;
  draft.setMilestone(milestoneId, withMilestone(milestone, { sprints: joins ? withItem(milestone.sprints, sprintId) : milestone.sprints, evidence }));
}

function sprintOf(draft: ReactionDraft, sprintId: string, milestoneId: string): { id: string; milestone: string; features: string[] } {
  return { id: sprintId, milestone: milestoneId, features: [...(draft.sprint(sprintId)?.features ?? [])] };
}

/**
 * Folds an event that concerns a milestone: its evidence, its machine, its triggers. `sprintId` is
 * the sprint the event was folded into, if any: when that sprint's evidence took it and counts for
 * the milestone, the milestone's own fold skips it (see `milestoneEvidence`). A milestone with
 * parallel streams folds it all the same: which event first made a stream ready is its own to say
 * (and folding an event twice changes nothing).
 */
export function stepMilestone(draft: ReactionDraft, milestoneId: string, sprintId: string | undefined): void {
  const before = draft.milestone(milestoneId);
  if (before === undefined) return;
  const event = draft.event;
  const sprint = sprintId === undefined ? undefined : draft.sprint(sprintId);
  const inSprint = sprint !== undefined && sprint.evidence.lastPosition === event.position && countsForMilestone(sprint, before);
  const evidence = inSprint && before.evidence.streams === emptyDictionary() ? before.evidence : foldEvidence(before.evidence, event);
  let record: MilestoneRecord = evidence === before.evidence ? before : withMilestone(before, { evidence });
  const machine = draft.machineOf(record.instance);
  if (machine !== undefined && machine.eventIndex.has(event.type)) record = move(draft, machine, record, event.type);
  if (event.type === EventType.MilestoneStarted && !record.started) record = withMilestone(record, { started: true });
  if (event.sprintId === undefined) record = foldApproval(record, event.type, event.data);
  if (record.triggers.length > 0) fireTriggers(draft, record);
  // Set even when unchanged as a value: in a batch its evidence may have been updated in place.
  draft.setMilestone(milestoneId, record);
}

/**
 * The milestone's own progress: once every sprint is closed or aborted (and it has at least one),
 * `allSprintsClosed`; in a state waiting on a gate verdict, its gates decide `gatesPassed` or
 * `gatesFailed`; a blocked milestone whose failing gates changed gets `evidenceChanged`. Says
 * whether the milestone reached a terminal state here.
 */
export function decideMilestone(draft: ReactionDraft, milestoneId: string, sprintHint?: string): boolean {
  const before = draft.milestone(milestoneId);
  if (before === undefined) return false;
  const machine = draft.machineOf(before.instance);
  // A state that waits on none of these signals decides nothing (most events of most milestones).
  if (machine === undefined || (milestoneSignals(machine)[before.instance.state] ?? 0) === 0) return false;
  // Kept apart: in a batch the record itself may be updated in place.
  const instance = before.instance;
  let record = before;
  for (let step = 0; step < machine.states.length && !isTerminal(machine, record.instance); step++) {
    const signal = nextSignal(draft, machine, record, sprintHint);
    if (signal === undefined) break;
    if (signal.name === undefined) {
      record = signal.record;
      break;
    }
    record = move(draft, machine, signal.record, signal.name);
  }
  // Set even when it looks unchanged: a record copied earlier in the batch is updated in place.
  draft.setMilestone(milestoneId, record);
  return record.instance !== instance && isTerminal(machine, record.instance);
}

/** A milestone's own approval events (a sprint's carry its sprintId and are the sprint's). */
function foldApproval(record: MilestoneRecord, type: string, data: JsonRecord): MilestoneRecord {
  if (type === EventType.ApprovalRequested) return record.approval === 'granted' ? record : withMilestone(record, { approval: 'requested' });
  if (type !== EventType.ApprovalGranted && type !== EventType.ApprovalRejected) return record;
  const by = firstString(data, ['approvedBy', 'rejectedBy', 'by']);
  const reason = firstString(data, ['reason']);
  return withMilestone(record, { approval: type === EventType.ApprovalGranted ? 'granted' : 'rejected', approvalBy: by, approvalReason: reason });
}

/** Is the milestone under a deployment freeze and not yet approved? */
function isFrozen(draft: ReactionDraft, record: MilestoneRecord): boolean {
  return record.approval !== 'granted' && (draft.config.deploymentFreeze?.includes(record.id) ?? false);
}

function nextSignal(draft: ReactionDraft, machine: CompiledMachine, record: MilestoneRecord, sprintHint: string | undefined): { name?: string; record: MilestoneRecord } | undefined {
  const waiting = milestoneSignals(machine)[record.instance.state] ?? 0;
  if (waiting === 0) return undefined;
  if (waiting & Signals.AllSprintsClosed && record.sprints.length > 0) {
    // The sprint the event is about is checked first: while it is open, the rest need not be.
    const hintOpen = sprintHint !== undefined && draft.sprint(sprintHint)?.milestoneId === record.id && !isClosed(draft, sprintHint);
    if (!hintOpen && allClosed(draft, record.sprints)) return { name: FsmSignal.AllSprintsClosed, record };
  }
  const verdict = (waiting & (Signals.GatesPassed | Signals.GatesFailed)) !== 0;
  const recheck = (waiting & Signals.EvidenceChanged) !== 0 && lastEvidencePosition(record, draft.lookupSprint) > (record.lastGatesAt ?? 0);
  if (!verdict && !recheck) return undefined;
  const outcome = evaluateGates(record.gates, milestoneEvidence(record, draft.lookupSprint));
  // Read before `withMilestone`, which updates a record copied in this batch in place.
  const previousGates = record.lastGates ?? [];
  const evaluated = withMilestone(record, { lastGates: outcome.results, lastGatesAt: draft.event.position });
  if (verdict && outcome.passed && isFrozen(draft, evaluated)) return { record: requestApproval(draft, evaluated) };
  if (verdict) return { name: outcome.passed ? FsmSignal.GatesPassed : FsmSignal.GatesFailed, record: evaluated };
  const failing = (results: readonly { gate: string; written: string; passed: boolean }[]): string =>
    results.filter((result) => !result.passed).map((result) => result.written).join('\n');
  if (failing(outcome.results) === failing(previousGates)) return undefined;
  return { name: FsmSignal.EvidenceChanged, record: evaluated };
}

/** The signals the milestone decides, as bits of `milestoneSignals`. */
const Signals = { AllSprintsClosed: 1, GatesPassed: 2, GatesFailed: 4, EvidenceChanged: 8 } as const;
const milestoneSignals = waitingStates([FsmSignal.AllSprintsClosed, FsmSignal.GatesPassed, FsmSignal.GatesFailed, FsmSignal.EvidenceChanged]);

/** A frozen milestone whose gates pass asks for an approval once (ApprovalRequested) and waits. */
function requestApproval(draft: ReactionDraft, record: MilestoneRecord): MilestoneRecord {
  if (record.approval !== undefined) return record;
  const data: JsonObject = { milestoneId: record.id, subject: 'milestone', reason: 'the milestone is under a deployment freeze: its completion needs an approval' };
  appendForMilestone(draft, record, derivedEventId(milestoneStream(record.id), record.instance.transitions, EventType.ApprovalRequested), EventType.ApprovalRequested, data);
  return withMilestone(record, { approval: 'requested' });
}

/**
 * Are all these sprints closed? Checked from the last planned: sprints tend to close in plan order,
 * so an open one is usually found at once, where a check from the first would pass over every
 * sprint closed so far at each event of a closing sprint.
 */
function allClosed(draft: ReactionDraft, sprintIds: readonly string[]): boolean {
  for (let index = sprintIds.length - 1; index >= 0; index--) if (!isClosed(draft, sprintIds[index] as string)) return false;
  return true;
}

function isClosed(draft: ReactionDraft, sprintId: string): boolean {
  const sprint = draft.sprint(sprintId);
  if (sprint === undefined) return false;
  const machine = draft.machineOf(sprint.instance);
  return machine !== undefined && isTerminal(machine, sprint.instance);
}

/** Moves the milestone's machine; the entered state's events are appended with their payloads. */
function move(draft: ReactionDraft, machine: CompiledMachine, record: MilestoneRecord, type: string): MilestoneRecord {
  const event = draft.event;
  const result = transition(machine, record.instance, { type, position: event.position }, (gates) => evaluateGates(gates, milestoneEvidence(record, draft.lookupSprint)).passed);
  if (result.kind !== 'taken') return record;
  const next = withMilestone(record, {
    instance: result.instance,
    enteredAtTime: event.occurredAt,
    lastTransition: { from: result.from, to: result.to, on: type, eventId: event.eventId, position: event.position, occurredAt: event.occurredAt },
  });
  for (const emitted of result.emit) emitFromMilestone(draft, next, emitted);
  return next;
}

function emitFromMilestone(draft: ReactionDraft, record: MilestoneRecord, type: string): void {
  // A fold appends nothing: the payload would be built for nobody.
  if (!draft.wantsIntents || !isEventType(type)) return;
  const data: JsonObject = { milestoneId: record.id };
  if (record.versionTag !== undefined) data['versionTag'] = record.versionTag;
  if (record.lastGates !== undefined) {
    const gates = gateSummary(record.lastGates);
    if (type === EventType.MilestoneBlocked) data['unmetGates'] = gates.filter((gate) => gate['passed'] === false);
    else data['gates'] = gates;
  }
  data['sprints'] = [...record.sprints];
  appendForMilestone(draft, record, derivedEventId(milestoneStream(record.id), record.instance.transitions, type), type, data);
}

/**
 * File-order sequencing: the first milestone starts at once; each next one when the one before
 * it completes, unless another milestone's trigger names it as `next` (then the trigger starts it).
 */
export function startMilestones(draft: ReactionDraft): void {
  const order = draft.milestoneOrder();
  const named = new Set<string>();
  for (const milestone of draft.allMilestones()) for (const trigger of milestone.triggers) named.add(trigger.next);
  let previous: MilestoneRecord | undefined;
  for (const id of order) {
    const milestone = draft.milestone(id);
    if (milestone === undefined) continue;
    const ready = previous === undefined || isDone(draft, previous);
    if (!milestone.started && ready && !named.has(id)) start(draft, milestone);
    previous = milestone;
  }
}

function isDone(draft: ReactionDraft, milestone: MilestoneRecord): boolean {
  const machine = draft.machineOf(milestone.instance);
  return machine !== undefined && isTerminal(machine, milestone.instance);
}

function start(draft: ReactionDraft, milestone: MilestoneRecord): void {
  const eventId = derivedEventId(milestoneStream(milestone.id), 0, EventType.MilestoneStarted);
  if (draft.intents.some((intent) => intent.kind === 'append' && intent.event.eventId === eventId)) return;
  appendForMilestone(draft, milestone, eventId, EventType.MilestoneStarted, { milestoneId: milestone.id, sprints: [...milestone.sprints] });
}

/**
 * A milestone's `triggers` whose event this is (the milestone's own, or one of its sprints'): when
 * the condition (a gate over the milestone's evidence) passes, record TriggerFired and act on
 * `next`: start the milestone it names, or append the catalog event it names.
 */
function fireTriggers(draft: ReactionDraft, record: MilestoneRecord): void {
  const event = draft.event;
  record.triggers.forEach((trigger, index) => {
    if (trigger.event !== event.type) return;
    const result = trigger.condition === undefined ? undefined : evaluateGate(trigger.condition, milestoneEvidence(record, draft.lookupSprint));
    if (result !== undefined && !result.passed) return;
    const what = `trigger-${index}<${event.eventId}`;
    const data: JsonObject = { milestoneId: record.id, event: trigger.event, next: trigger.next, causedBy: event.eventId };
    if (result !== undefined) data['condition'] = gateSummary([result])[0] as JsonObject;
    appendForMilestone(draft, record, derivedEventId(milestoneStream(record.id), record.instance.transitions, what), EventType.TriggerFired, data);
    const next = draft.milestone(trigger.next);
    if (next !== undefined) {
      if (!next.started) start(draft, next);
    } else if (isEventType(trigger.next)) {
      appendForMilestone(draft, record, derivedEventId(milestoneStream(record.id), record.instance.transitions, `${what}:${trigger.next}`), trigger.next, { milestoneId: record.id, trigger: trigger.event });
    }
  });
}

function appendForMilestone(draft: ReactionDraft, record: MilestoneRecord, eventId: string, type: EventType, data: JsonObject): void {
  draft.append({ streamId: milestoneStream(record.id), eventId, type, traceId: record.traceId, correlationId: record.traceId, scope: { milestoneId: record.id }, data });
}
