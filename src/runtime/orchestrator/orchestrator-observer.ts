import type { StoredEvent } from '../../domain/events/index.js';
import type { Board, Reaction } from '../../domain/orchestrator/index.js';

/**
 * What an orchestrator tells an observer (metrics, spans, logs: `src/telemetry` implements it):
 * every event it reacts to, with the reaction already applied to `board`. Called synchronously
 * inside the loop, so it must be cheap and must not throw; without an observer nothing is called.
 */
export interface OrchestratorObserver {
  eventReacted(event: StoredEvent, reaction: Reaction, board: Board): void;
}
