import { inBatch } from '../domain/evidence/index.js';
import { applyReaction, emptyBoard, react, type Board, type OrchestratorConfig } from '../domain/orchestrator/index.js';
import type { EventStore } from '../store/index.js';
import type { TelemetryObserver } from './telemetry-observer.js';

/**
 * Feeds the whole log, from its first event, through `react` into `observer`, as the orchestrator
 * would have while handling it (nothing is performed, nothing is appended): a fresh process (e.g.
 * `kairos metrics`) gets the same projections as the live one. Resolves to the board at the head.
 */
export async function observeLog(store: EventStore, config: OrchestratorConfig, observer: TelemetryObserver, pageSize = 1000): Promise<Board> {
  const board = emptyBoard();
  const owned = new WeakSet<object>();
  for (;;) {
    const events = await store.readAll({ fromPosition: board.position + 1, limit: pageSize });
    if (events.length === 0) return board;
    inBatch(() => {
      for (const event of events) {
        const reaction = react(board, event, config);
        applyReaction(board, reaction);
        observer.eventReacted(event, reaction, board);
      }
    }, owned);
  }
}
