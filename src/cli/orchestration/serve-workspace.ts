import { createServerApp, startServer, type RunningServer } from '../../server/index.js';
import { KairosMetrics, labelLimitFrom, LogProjection, metricsExposition, TelemetryObserver, timedEventStore } from '../../telemetry/index.js';
import type { EventStore } from '../../store/index.js';
import type { Session } from './open-session.js';

/** Where `kairos serve` listens. */
export interface ServeOptions {
  host: string;
  port: number;
}

/** A workspace served over HTTP while it runs: the store to run on (append latency timed) and the server. */
export interface ServedWorkspace {
  store: EventStore;
  server: RunningServer;
}

/**
 * Serves a running workspace: `/metrics` projects the log into Kairos' metrics, catching up on each
 * scrape with what was appended since (the same figures as `kairos metrics`, plus the append latency
 * of this process's store and the orchestrator's lag); `/healthz` says the log's head.
 */
export async function serveWorkspace(session: Session, options: ServeOptions, handled: () => number): Promise<ServedWorkspace> {
  const metrics = new KairosMetrics({
    config: session.config,
    labelLimit: labelLimitFrom(process.env.KAIROS_METRICS_LABEL_LIMIT),
    lag: async () => (await session.store.head()).position - handled(),
  });
  const projection = new LogProjection(session.store, session.config, new TelemetryObserver([metrics]));
  const app = createServerApp({
    metrics: async () => {
      await projection.catchUp();
      return metricsExposition(metrics.registry);
    },
    head: async () => (await session.store.head()).position,
  });
  const server = await startServer(app, options.host, options.port);
  return { store: timedEventStore(session.store, metrics), server };
}
