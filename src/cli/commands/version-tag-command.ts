import { Command } from 'commander';
import { loadReleaseSettings } from '../../artifacts/index.js';
import { NotFoundError, UsageError } from '../../domain/errors/index.js';
import { versionPlanOf, versionTags, type VersionTag } from '../../domain/release/index.js';
import { contextOf } from '../cli-context.js';
import { currentBoard, withSession } from '../orchestration/open-session.js';

interface VersionTagOptions {
  sprint?: string;
  milestone?: string;
  json?: boolean;
}

/**
 * `kairos version-tag [--sprint ID | --milestone ID] [--json]`: the version tags computed from the
 * plan as the log holds it (`booking-service:1.0.0-mvp-v1-trace123`), formed by `versioning:` of
 * `planning/pipeline.yaml`. With an id, prints that tag alone, for a pipeline to use.
 */
export function versionTagCommand(): Command {
  return new Command('version-tag')
    .description('print the version tags computed from the plan (versioning: of planning/pipeline.yaml)')
    .option('--sprint <id>', 'only this sprint\'s tag')
    .option('--milestone <id>', 'only this milestone\'s tag')
    .option('--json', 'JSON: the tag(s) with kind, id and version')
    .action(async (options: VersionTagOptions, command: Command) => {
      if (options.sprint !== undefined && options.milestone !== undefined) throw new UsageError('give --sprint or --milestone, not both');
      const context = contextOf(command);
      const settings = await loadReleaseSettings(context.workspace);
      const tags = await withSession(context, async (session) => versionTags(versionPlanOf(await currentBoard(session)), settings.versioning));
      const wanted = options.sprint !== undefined ? ({ kind: 'sprint', id: options.sprint } as const) : options.milestone !== undefined ? ({ kind: 'milestone', id: options.milestone } as const) : undefined;
      if (wanted !== undefined) {
        const tag = tags.find((candidate) => candidate.kind === wanted.kind && candidate.id === wanted.id);
        if (tag === undefined) throw new NotFoundError(`no ${wanted.kind} ${wanted.id} in the plan the log holds (kairos status lists them; kairos run records plan changes)`);
        context.stdout(options.json === true ? JSON.stringify(tag) : tag.tag);
        return;
      }
      if (options.json === true) {
        context.stdout(JSON.stringify(tags));
        return;
      }
      if (tags.length === 0) context.stdout('no milestones or sprints in the log yet (kairos run records the plan)');
      for (const tag of tags) context.stdout(line(tag));
    });
}

function line(tag: VersionTag): string {
  return `${tag.kind.padEnd(9)}  ${tag.id.padEnd(16)}  ${tag.tag}`;
}
