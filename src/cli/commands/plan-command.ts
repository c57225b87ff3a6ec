import { Command } from 'commander';
import { loadMachines, loadWorkspace } from '../../artifacts/index.js';
import { recordPlan, systemClock } from '../../runtime/index.js';
import { openEventStore } from '../../store/index.js';
import { contextOf } from '../cli-context.js';

/** `kairos plan`: records the workspace's declared plan in the log (only what changed). */
export function planCommand(): Command {
  return new Command('plan')
    .description('validate the workspace and record its plan (milestones, features, sprints) in the event log')
    .action(async (_options: unknown, command: Command) => {
      const context = contextOf(command);
      const workspace = await loadWorkspace(context.workspace);
      const store = await openEventStore(context.storeUrl, { workspace: context.workspace });
      try {
        const result = await recordPlan(store, { ...workspace, machines: Object.values(await loadMachines(workspace)) }, systemClock);
        const head = await store.head();
        context.stdout(
          `recorded ${result.appended.length} event(s), ${result.unchanged} definition(s) unchanged; trace ${result.traceId}; log at position ${head.position}`,
        );
      } finally {
        await store.close();
      }
    });
}
