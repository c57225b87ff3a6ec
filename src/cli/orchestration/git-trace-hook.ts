import { loadGitSettings } from '../../artifacts/git-settings/index.js';
import type { Board } from '../../domain/orchestrator/index.js';
import { systemClock } from '../../runtime/index.js';
import { GitTraceSync } from '../../runtime/trace/index.js';
import type { EventStore } from '../../store/index.js';
import type { CliContext } from '../cli-context.js';

/**
 * The orchestrator's idle step for a workspace: read its git repository into the log (and tag
 * closed sprints and completed milestones when `git.tags` is on), telling the user what was tagged
 * and what could not be read.
 */
export async function gitTraceHook(context: CliContext, store: EventStore): Promise<(board: Board) => Promise<number>> {
  const sync = new GitTraceSync(store, await loadGitSettings(context.workspace), systemClock);
  return async (board) => {
    const report = await sync.sync(board);
    for (const tag of report.tagsCreated) context.stdout(`tagged ${tag} (annotated, with its traceId)`);
    for (const warning of report.warnings) context.stderr(`warning: ${warning}`);
    return report.appended;
  };
}
