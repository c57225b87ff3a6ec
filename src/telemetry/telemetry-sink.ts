import type { StoredEvent } from '../domain/events/index.js';
import type { Board } from '../domain/orchestrator/index.js';

/** A state machine transition a record took, as telemetry sees it. */
export interface ObservedTransition {
  /** What kind of record moved, and which. */
  kind: 'sprint' | 'milestone';
  id: string;
  /** The machine's id (`sprint`, or a project's own). */
  machine: string;
  from: string;
  to: string;
  /** The event type that moved it. */
  on: string;
  eventId: string;
  occurredAt: string;
  /** When the record entered `from`, when this process saw it happen. */
  enteredFromAt?: string;
  /** The record's trace. */
  traceId: string;
}

/**
 * One consumer of what the orchestrator does: metrics, spans or logs. Every method is optional and
 * called synchronously in log order; none may throw.
 */
export interface TelemetrySink {
  /** An event was reacted to; `board` is the board after it. */
  onEvent?(event: StoredEvent, board: Board): void;
  /** A sprint or milestone machine moved on `event`. */
  onTransition?(transition: ObservedTransition, event: StoredEvent, board: Board): void;
}
