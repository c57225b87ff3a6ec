import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Command } from 'commander';
import { IntegrityError } from '../../domain/errors/index.js';
import { emptyBoard } from '../../domain/orchestrator/index.js';
import { checkpointPath, foldLog, hashBoard, readCheckpoint, sprintFiles, sprintFolder } from '../../runtime/index.js';
import { contextOf } from '../cli-context.js';
import { withSession } from '../orchestration/open-session.js';

interface ReplayOptions {
  verify?: boolean;
}

/**
 * `kairos replay [--verify]`: rebuilds every read model from the log. With `--verify`, proves the
 * rebuild deterministic (two replays, same hash) and identical to the live read models: the board
 * hash in the orchestrator's checkpoint and every file of `execution/<sprintId>/` it keeps (`sprintFiles`).
 */
export function replayCommand(): Command {
  return new Command('replay')
    .description('rebuild every read model from the log; --verify proves them identical to the live ones')
    .option('--verify', 'compare two replays with each other and with the live read models')
    .action(async (options: ReplayOptions, command: Command) => {
      const context = contextOf(command);
      await withSession(context, async (session) => {
        const first = await foldLog(session.store, emptyBoard(), session.config);
        const hash = hashBoard(first);
        context.stdout(`replayed ${first.position} event(s): ${first.sprints.size} sprint(s), ${first.milestones.size} milestone(s); board sha256 ${hash}`);
        if (options.verify !== true) return;
        const problems: string[] = [];
        const second = hashBoard(await foldLog(session.store, emptyBoard(), session.config));
        if (second !== hash) problems.push(`two replays of the same log differ: ${hash} then ${second}`);
        const checkpoint = await readCheckpoint(checkpointPath(context.workspace));
        if (checkpoint?.boardHash === undefined) {
          context.stdout('no live read models to compare with: the orchestrator has not gone idle in this workspace yet (kairos run --until idle)');
        } else {
          const live = await foldLog(session.store, emptyBoard(), session.config, checkpoint.position);
          const liveHash = hashBoard(live);
          if (liveHash !== checkpoint.boardHash) problems.push(`the board replayed to position ${checkpoint.position} (${liveHash}) differs from the orchestrator's (${checkpoint.boardHash})`);
          let files = 0;
          let total = 0;
          for (const sprint of live.sprints.values()) {
            for (const file of sprintFiles(live, sprint, session.config)) {
              total++;
              const path = join(sprintFolder(context.workspace, sprint.id), file.name);
              const actual = await readFile(path, 'utf8').catch(() => undefined);
              if (actual === undefined) problems.push(`${relative(context.workspace, path)} is missing`);
              else if (actual !== file.content) problems.push(`${relative(context.workspace, path)} differs from its replay`);
              else files++;
            }
          }
          context.stdout(`live read models at position ${checkpoint.position}: board ${liveHash === checkpoint.boardHash ? 'identical' : 'DIFFERENT'}; ${files} of ${total} sprint file(s) (fsm-state.json, sprint-trace-matrix.json, feature-test-link.yaml, recovery files) identical`);
        }
        if (problems.length > 0) throw new IntegrityError(problems.join('; '));
        context.stdout('verified: replays are identical to each other and to the live read models');
      });
    });
}
