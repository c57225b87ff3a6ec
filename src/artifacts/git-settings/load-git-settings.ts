import { resolve } from 'node:path';
import { ValidationError } from '../../domain/errors/index.js';
import { isRecord } from '../schema/is-record.js';
import { readOptionalPlanningFile } from '../workspace/read-optional-planning-file.js';
import { gitSettingsSchema } from './git-settings-schema.js';

/** How Kairos uses a workspace's git repository. */
export interface GitSettings {
  /** Absolute path of the repository. */
  repository: string;
  /** Whether `repository` was named in the settings (then its absence is worth a warning). */
  named: boolean;
  mainBranch?: string;
  scan: boolean;
  tags: boolean;
  maxCommits: number;
}

/**
 * The git settings of a workspace: the `git:` section of `planning/pipeline.yaml`, defaults
 * otherwise (read the workspace's own repository, create no tag).
 *
 * @example
 * # planning/pipeline.yaml
 * git:
 *   tags: true          # sprint-<n>-complete and <milestone>-v<n> on SprintClosed / MilestoneCompleted
 *   mainBranch: main
 *
 * @throws ValidationError with located diagnostics when the file or its `git:` section is invalid.
 */
export async function loadGitSettings(root: string): Promise<GitSettings> {
  const read = await readOptionalPlanningFile(root, 'pipeline', 'pipeline');
  if (read.status === 'invalid') throw new ValidationError(read.diagnostics);
  const section = read.status === 'valid' && isRecord(read.value) ? read.value['git'] : undefined;
  const parsed = gitSettingsSchema.safeParse(section ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = ['git', ...(issue?.path ?? [])].join('.');
    throw new ValidationError([{ severity: 'error', file: read.file, line: 1, column: 1, path: where, message: `${where}: ${issue?.message ?? 'invalid'}` }]);
  }
  const settings: GitSettings = {
    repository: resolve(root, parsed.data.repository ?? '.'),
    named: parsed.data.repository !== undefined,
    scan: parsed.data.scan ?? true,
    tags: parsed.data.tags ?? false,
    maxCommits: parsed.data.maxCommits ?? 10_000,
  };
  if (parsed.data.mainBranch !== undefined) settings.mainBranch = parsed.data.mainBranch;
  return settings;
}
