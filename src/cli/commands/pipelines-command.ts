import { Command } from 'commander';
import type { StoredEvent } from '../../domain/events/index.js';
import { pipelineStatuses } from '../../domain/pipelines/index.js';
import { openEventStore } from '../../store/index.js';
import { contextOf } from '../cli-context.js';

const pageSize = 1000;

/**
 * `kairos pipelines [--json]`: every CI/CD run the log records (PipelineStarted, then
 * ReleaseTriggered or PipelineFailed): what triggered it, how it ended, and its runtime.
 */
export function pipelinesCommand(): Command {
  return new Command('pipelines')
    .description('list the CI/CD pipeline runs the log records, with what triggered them and their runtime')
    .option('--json', 'one JSON object per line')
    .action(async (options: { json?: boolean }, command: Command) => {
      const context = contextOf(command);
      const store = await openEventStore(context.storeUrl, { workspace: context.workspace });
      try {
        const events: StoredEvent[] = [];
        for (let from = 1; ; ) {
          const page = await store.readAll({ fromPosition: from, limit: pageSize });
          if (page.length === 0) break;
          for (const event of page) if (event.streamId.startsWith('pipeline-')) events.push(event);
          from = (page.at(-1)?.position ?? from) + 1;
        }
        const runs = pipelineStatuses(events);
        if (options.json === true) {
          for (const run of runs) context.stdout(JSON.stringify(run));
          return;
        }
        for (const run of runs) {
          const scope = run.sprintId ?? run.milestoneId ?? '-';
          const runtime = run.durationMs === undefined ? '' : `${run.durationMs} ms`;
          context.stdout(`${run.pipeline.padEnd(20)}  ${run.triggerType.padEnd(18)}  ${scope.padEnd(16)}  ${run.status.padEnd(9)}  ${runtime.padStart(9)}${run.reason === undefined ? '' : `  ${run.reason}`}`);
        }
        context.stdout(`${runs.length} run(s)`);
      } finally {
        await store.close();
      }
    });
}
