import { performance } from 'node:perf_hooks';
import type { ProposedEvent } from '../../domain/events/index.js';
import type { AppendOptions, AppendResult, EventStore } from '../../store/index.js';

/** Where append latencies go (a `KairosMetrics`). */
export interface AppendLatencySink {
  observeAppend(seconds: number): void;
}

/**
 * `store` with the latency of every `append` (resolved or refused) reported to `sink`; every other
 * call passes straight through.
 */
export function timedEventStore(store: EventStore, sink: AppendLatencySink): EventStore {
  return {
    async append(streamId: string, events: readonly ProposedEvent[], options?: AppendOptions): Promise<AppendResult> {
      const began = performance.now();
      try {
        return await store.append(streamId, events, options);
      } finally {
        sink.observeAppend((performance.now() - began) / 1000);
      }
    },
    readStream: (streamId, options) => store.readStream(streamId, options),
    readAll: (options) => store.readAll(options),
    readPages: (options) => store.readPages(options),
    subscribe: (options) => store.subscribe(options),
    head: () => store.head(),
    close: () => store.close(),
  };
}
