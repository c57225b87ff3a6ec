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
  const projection = new LogProjection(store, config, observer, pageSize);
  await projection.catchUp();
  return projection.board;
}

/**
 * `observeLog` that can be resumed: each `catchUp()` feeds the events appended since the last one
 * (a server's `/metrics` catches up on each scrape, so it costs what the log grew by).
 */
export class LogProjection {
  readonly board = emptyBoard();
  private readonly owned = new WeakSet<object>();
  private pending: Promise<void> | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly config: OrchestratorConfig,
    private readonly observer: TelemetryObserver,
    private readonly pageSize = 1000,
  ) {}

  /** Feeds every event after the board's position; concurrent calls share one pass. */
  catchUp(): Promise<void> {
    this.pending ??= this.feed().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async feed(): Promise<void> {
    const { board, config, observer } = this;
    for (;;) {
      const events = await this.store.readAll({ fromPosition: board.position + 1, limit: this.pageSize });
      if (events.length === 0) return;
      inBatch(() => {
        for (const event of events) {
          const reaction = react(board, event, config);
          applyReaction(board, reaction);
          observer.eventReacted(event, reaction, board);
        }
      }, this.owned);
    }
  }
}
