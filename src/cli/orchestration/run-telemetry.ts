import type { Command } from 'commander';
import type { OrchestratorObserver } from '../../runtime/index.js';
import { LogSink, scopeStartFinder, TelemetryObserver, tracingFromEnvironment, type TelemetrySink } from '../../telemetry/index.js';
import { loggerOf } from '../cli-logger.js';
import type { Session } from './open-session.js';

/** What `kairos run` observes with: the orchestrator's observer (none when nothing listens) and how to finish. */
export interface RunTelemetry {
  observer: OrchestratorObserver | undefined;
  /** Exports the spans still pending; call once the orchestrator stopped. */
  close(): Promise<void>;
}

/**
 * Telemetry of a run: logs at `--log-level` (none below `warn`), and spans when the `OTEL_*`
 * variables turn tracing on. With neither there is no observer, and the orchestrator does no
 * extra work at all.
 */
export function openRunTelemetry(command: Command, session: Session, env: NodeJS.ProcessEnv = process.env): RunTelemetry {
  const logger = loggerOf(command);
  const sinks: TelemetrySink[] = [];
  if (logger.isLevelEnabled('warn')) sinks.push(new LogSink(logger, session.config.agents));
  const spans = tracingFromEnvironment(env, {
    findStart: scopeStartFinder(session.store),
    onError: (error) => logger.warn({ err: error }, 'a span could not be recorded'),
  });
  if (spans !== undefined) sinks.push(spans);
  return {
    observer: sinks.length === 0 ? undefined : new TelemetryObserver(sinks),
    close: async () => {
      try {
        await spans?.shutdown();
      } catch (error) {
        logger.warn({ err: error }, 'spans could not be exported');
      }
    },
  };
}
