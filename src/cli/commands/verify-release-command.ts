import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { IntegrityError, NotFoundError } from '../../domain/errors/index.js';
import { releasePaths, verifyRelease } from '../../runtime/releases/index.js';
import { contextOf } from '../cli-context.js';
import { withSession } from '../orchestration/open-session.js';

/**
 * `kairos verify-release <dir>`: checks a sealed release (`releases/<milestoneId>`): its Ed25519
 * signature, that its artifacts still hash the same, and that replaying the log gives the same
 * gate results, trace matrices, approvals and version tags. Names every difference; exit 1 on any.
 * The workspace is `--workspace`, else the folder two levels above `<dir>`.
 */
export function verifyReleaseCommand(): Command {
  return new Command('verify-release')
    .description('check a sealed release: signature, artifact hashes, and the gate results a replay of the log gives')
    .argument('<dir>', 'the release folder, e.g. releases/mvp-core')
    .action(async (dir: string, _options: unknown, command: Command) => {
      const given = command.optsWithGlobals<{ workspace?: string }>().workspace;
      const folder = resolve(dir);
      if (!existsSync(releasePaths(folder).manifest)) throw new NotFoundError(`${dir} holds no release-manifest.json (releases are sealed in releases/<milestoneId>/ when a milestone completes)`);
      const context = { ...contextOf(command), ...(given === undefined ? { workspace: resolve(folder, '..', '..') } : {}) };
      await withSession(context, async (session) => {
        const result = await verifyRelease({ folder, workspace: context.workspace, store: session.store, config: session.config });
        if (result.differences.length > 0) {
          for (const difference of result.differences) context.stderr(`differs: ${difference}`);
          throw new IntegrityError(`release ${result.milestoneId ?? dir} does not verify: ${result.differences.length} difference(s)`);
        }
        context.stdout(
          `verified release ${String(result.milestoneId)}: signature by ${String(result.keyId)}, ${result.artifacts} artifact(s) hash the same, ` +
            `${result.gates} gate result(s) equal to a replay of the log up to position ${String(result.position)}`,
        );
      });
    });
}
