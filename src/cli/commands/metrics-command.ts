import { Command, Option } from 'commander';
import { readCheckpoint, checkpointPath } from '../../runtime/index.js';
import { KairosMetrics, labelLimitFrom, metricsExposition, observeLog, TelemetryObserver } from '../../telemetry/index.js';
import { UsageError } from '../../domain/errors/index.js';
import { contextOf } from '../cli-context.js';
import { withSession } from '../orchestration/open-session.js';

interface MetricsOptions {
  labelLimit?: string;
}

/**
 * `kairos metrics`: the Prometheus metrics of the workspace (text exposition format), projected
 * from the whole log as the orchestrator handled it; the lag is the log's head minus the
 * orchestrator's checkpoint. A server mounts the same registry at `/metrics`.
 */
export function metricsCommand(): Command {
  return new Command('metrics')
    .description('print the Prometheus metrics of the log (text exposition format)')
    .addOption(new Option('--label-limit <n>', 'distinct values kept per label before later ones become "other" (default: $KAIROS_METRICS_LABEL_LIMIT, else 100)'))
    .action(async (options: MetricsOptions, command: Command) => {
      const context = contextOf(command);
      const labelLimit = options.labelLimit === undefined ? labelLimitFrom(process.env.KAIROS_METRICS_LABEL_LIMIT) : parseLimit(options.labelLimit);
      await withSession(context, async (session) => {
        const checkpoint = await readCheckpoint(checkpointPath(context.workspace));
        const metrics = new KairosMetrics({ config: session.config, labelLimit, lag: async () => (await session.store.head()).position - (checkpoint?.position ?? 0) });
        await observeLog(session.store, session.config, new TelemetryObserver([metrics]));
        const { body } = await metricsExposition(metrics.registry);
        context.stdout(body);
      });
    });
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isSafeInteger(limit) || limit < 1) throw new UsageError(`--label-limit ${JSON.stringify(value)}: expected a positive whole number`);
  return limit;
}
