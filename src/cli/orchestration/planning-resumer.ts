import { existsSync, readdirSync, statSync, watch } from 'node:fs';
import { join } from 'node:path';
import { loadMachines, loadWorkspace } from '../../artifacts/index.js';
import { proposePlan, sprintPlanFile, systemClock, workspaceOrchestratorConfig } from '../../runtime/index.js';
import type { CliContext } from '../cli-context.js';
import { describePlanRun } from '../commands/plan-command.js';
import type { Session } from './open-session.js';

/**
 * Planning resumes by itself while `kairos run` goes on: once the planner has proposed a plan
 * (`planning/sprint-plan.yaml` exists) and people do not plan alone (not manual-only), each time the
 * run goes idle the planning files are read again and `kairos plan` runs; it records nothing unless
 * something changed (a sprint closed, the backlog, the vision, a person's decision). Says whether it
 * appended anything.
 */
export async function resumePlanningIfNeeded(context: CliContext, session: Session): Promise<boolean> {
  if (!existsSync(join(context.workspace, sprintPlanFile))) return false;
  let workspace;
  try {
    workspace = await loadWorkspace(context.workspace);
  } catch (error) {
    // A planning file being edited may be invalid for a moment: say so and plan on the next change.
    context.stderr(`kairos: planning not resumed: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
  if (workspace.governance.planningMode === 'manual-only') return false;
  const [config, machines] = await Promise.all([workspaceOrchestratorConfig(workspace), loadMachines(workspace)]);
  const result = await proposePlan({ store: session.store, workspace, machines: Object.values(machines), config, clock: systemClock });
  if (result.appended === 0) return false;
  for (const line of describePlanRun(result)) context.stdout(line);
  return true;
}

/**
 * Resolves when a file of `planning/` changes (or at once when `signal` aborts). An edit made after
 * `since` (a clock reading taken before planning last read the files) but before the watch began
 * counts too: it is found by the files' modification times once the watch is in place.
 */
export function planningChanged(workspace: string, signal: AbortSignal, since: number): Promise<void> {
  return new Promise((resolve) => {
    let watcher: ReturnType<typeof watch> | undefined;
    const done = (): void => {
      watcher?.close();
      signal.removeEventListener('abort', done);
      resolve();
    };
    try {
      watcher = watch(join(workspace, 'planning'), { signal }, (_kind, name) => {
        // Kairos' own outputs under planning/resumption/ and the planner's sprint-plan.yaml are not edits.
        if (name !== null && name !== 'resumption' && name !== 'sprint-plan.yaml') done();
      });
      watcher.on('error', () => undefined);
    } catch {
      return; // no planning folder to watch: only the log wakes the run
    }
    signal.addEventListener('abort', done, { once: true });
    if (editedSince(join(workspace, 'planning'), since)) done();
  });
}

/** Was a planning file (not Kairos' own outputs) modified after `since`? */
function editedSince(folder: string, since: number): boolean {
  try {
    return readdirSync(folder, { withFileTypes: true }).some(
      (entry) => entry.isFile() && entry.name !== 'sprint-plan.yaml' && statSync(join(folder, entry.name)).mtimeMs > since,
    );
  } catch {
    return false;
  }
}
