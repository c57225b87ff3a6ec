import { basename, resolve } from 'node:path';
import { ValidationError } from '../../domain/errors/index.js';
import { readOptionalPlanningFile } from '../workspace/read-optional-planning-file.js';
import { normalizeReleaseSettings, type ReleaseSettings } from './normalize-release-settings.js';
import type { PipelineFile } from './pipeline-schema.js';

/**
 * The release settings of a workspace (`versioning:` and `pipelines:` of `planning/pipeline.yaml`;
 * defaults when the file is absent). The image name defaults to the workspace folder's name.
 *
 * @throws ValidationError with located diagnostics when the file is invalid.
 */
export async function loadReleaseSettings(root: string): Promise<ReleaseSettings> {
  const read = await readOptionalPlanningFile(root, 'pipeline', 'pipeline');
  if (read.status === 'invalid') throw new ValidationError(read.diagnostics);
  const file = read.status === 'valid' ? (read.value as PipelineFile) : undefined;
  return normalizeReleaseSettings(file, basename(resolve(root)));
}
