import type { StoredEvent } from '../domain/events/index.js';
import type { Board, MilestoneRecord, Reaction, SprintRecord } from '../domain/orchestrator/index.js';
import type { ObservedTransition, TelemetrySink } from './telemetry-sink.js';

/**
 * The orchestrator's observer (it satisfies `OrchestratorObserver` structurally): hands every
 * event to the sinks, and the transitions its reaction made, found from the records it changed.
 * A record's transition is reported once: the first time a record is seen only if it moved on this
 * very event (a process started mid-log has not seen the earlier ones), then whenever its last
 * transition changes (events held while a sprint was paused move it when it resumes). A move the
 * board did not keep (two in one event) is told from the state the record was last seen in; more
 * than two moves in one event show as one.
 */
export class TelemetryObserver {
  private readonly sinks: readonly TelemetrySink[];
  private readonly wantsTransitions: boolean;
  /** Per record (`sprint:<id>`), its last transition reported: the `eventId` and when it happened. */
  private readonly reported = new Map<string, { eventId: string; at: string; to: string }>();

  constructor(sinks: readonly TelemetrySink[]) {
    this.sinks = sinks;
    this.wantsTransitions = sinks.some((sink) => sink.onTransition !== undefined);
  }

  eventReacted(event: StoredEvent, reaction: Reaction, board: Board): void {
    for (const sink of this.sinks) sink.onEvent?.(event, board);
    if (!this.wantsTransitions) return;
    for (const record of reaction.sprints.values()) this.check('sprint', record, event, board);
    for (const record of reaction.milestones.values()) this.check('milestone', record, event, board);
  }

  private check(kind: ObservedTransition['kind'], record: SprintRecord | MilestoneRecord, event: StoredEvent, board: Board): void {
    const last = record.lastTransition;
    if (last === undefined) return;
    const key = `${kind}:${record.id}`;
    const before = this.reported.get(key);
    const seen = { eventId: last.eventId, at: last.occurredAt, to: last.to };
    if (before === undefined ? last.position !== event.position : before.eventId === last.eventId) {
      if (before === undefined) this.reported.set(key, seen);
      return;
    }
    this.reported.set(key, seen);
    const base = { kind, id: record.id, machine: record.instance.machine, eventId: last.eventId, occurredAt: last.occurredAt, traceId: record.traceId };
    // One event can move a machine more than once (a milestone: Active → GateCheck → Completed);
    // the board keeps the last move only, so the one before it is told from where the record was.
    if (before !== undefined && before.to !== last.from) {
      this.tell({ ...base, from: before.to, to: last.from, on: event.type, enteredFromAt: before.at }, event, board);
      this.tell({ ...base, from: last.from, to: last.to, on: last.on, enteredFromAt: last.occurredAt }, event, board);
      return;
    }
    this.tell({ ...base, from: last.from, to: last.to, on: last.on, ...(before === undefined ? {} : { enteredFromAt: before.at }) }, event, board);
  }

  private tell(transition: ObservedTransition, event: StoredEvent, board: Board): void {
    for (const sink of this.sinks) sink.onTransition?.(transition, event, board);
  }
}
