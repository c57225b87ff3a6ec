import { Command } from 'commander';
import { loadGitSettings } from '../../artifacts/git-settings/index.js';
import type { StoredEvent } from '../../domain/events/index.js';
import { NotFoundError, UsageError } from '../../domain/errors/index.js';
import { closestMatch } from '../../domain/text/closest-match.js';
import { findTraceTargets, traceFacts, traceNames, walkTrace } from '../../domain/trace/index.js';
import { systemClock } from '../../runtime/index.js';
import { GitTraceSync } from '../../runtime/trace/index.js';
import type { EventStore } from '../../store/index.js';
import { contextOf } from '../cli-context.js';
import { formatTraceWalk } from '../format/format-trace.js';
import { currentBoard, withSession } from '../orchestration/open-session.js';

const pageSize = 1000;

interface TraceOptions {
  json?: boolean;
  git?: boolean;
}

/**
 * `kairos trace <ref> [--json] [--no-git]`: walks back from anything — a file path, a commit sha
 * (or prefix), an image id, a test, a feature, a sprint, a milestone, an agent, skill, execution,
 * trace or event id — to its feature, sprint, milestone, agent, skill and the events on the way, and
 * forward from a milestone, sprint or feature to everything it produced. The workspace's git
 * repository is read into the log first (as `kairos run` does when idle; `--no-git` skips it).
 */
export function traceCommand(): Command {
  return new Command('trace')
    .description('walk back from a file, commit, image, test, feature, sprint or execution to what made it, and forward to what it produced')
    .argument('<ref>', 'a file path, commit sha (prefix), image id, test, feature, sprint, milestone, agent, skill, execution, trace or event id')
    .option('--json', 'one JSON object: the reference and every walk')
    .option('--no-git', "do not read the workspace's git repository first")
    .action(async (ref: string, options: TraceOptions, command: Command) => {
      const context = contextOf(command);
      if (ref.trim() === '') throw new UsageError('kairos trace: the reference is empty');
      await withSession(context, async (session) => {
        if (options.git !== false) {
          const settings = await loadGitSettings(context.workspace);
          const report = await new GitTraceSync(session.store, { ...settings, tags: false }, systemClock).sync(await currentBoard(session));
          for (const warning of report.warnings) context.stderr(`warning: ${warning}`);
        }
        const board = await currentBoard(session);
        const events = await readEvents(session.store);
        const facts = traceFacts(board);
        const targets = findTraceTargets(board, facts, events, ref);
        if (targets.length === 0) {
          const suggestions = similarNames(ref, traceNames(board, facts));
          const hint = suggestions.length === 0 ? '' : ` (did you mean ${suggestions.join(', ')}?)`;
          throw new NotFoundError(`nothing in the log is named ${JSON.stringify(ref)}${hint}; kairos trace takes a file path, commit sha, image id, test, feature, sprint, milestone, agent, skill, execution, trace or event id`);
        }
        const walks = targets.map((target) => walkTrace(board, facts, events, target));
        if (options.json === true) {
          context.stdout(JSON.stringify({ ref, walks }));
          return;
        }
        walks.forEach((walk, index) => {
          if (index > 0) context.stdout('');
          for (const line of formatTraceWalk(walk)) context.stdout(line);
        });
      });
    });
}

async function readEvents(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (let from = 1; ; ) {
    const page = await store.readAll({ fromPosition: from, limit: pageSize });
    if (page.length === 0) return events;
    events.push(...page);
    from = (page.at(-1) as StoredEvent).position + 1;
  }
}

/** The likely typo's correction, then names that contain the reference: five at most. */
function similarNames(ref: string, names: readonly string[]): string[] {
  const closest = closestMatch(ref, names);
  const wanted = ref.toLowerCase();
  const containing = names.filter((name) => name !== closest && name.toLowerCase().includes(wanted));
  return [...(closest === undefined ? [] : [closest]), ...containing].slice(0, 5);
}
