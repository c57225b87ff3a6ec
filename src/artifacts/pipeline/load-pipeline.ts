import type { PipelineDeclaration } from '../../domain/devops/index.js';
import type { Diagnostic } from '../../domain/errors/index.js';
import { readOptionalPlanningFile } from '../workspace/read-optional-planning-file.js';
import { normalizePipeline } from './normalize-pipeline.js';
import type { PipelineFile } from './pipeline-schema.js';

/** A workspace's `planning/pipeline.yaml`: absent, invalid (with located diagnostics), or its declaration. */
export type LoadedPipeline =
  | { status: 'absent'; file: string }
  | { status: 'invalid'; file: string; diagnostics: Diagnostic[] }
  | { status: 'valid'; file: string; pipeline: PipelineDeclaration; diagnostics: Diagnostic[] };

/** Reads and validates `planning/pipeline.yaml`; never throws for what the file holds. */
export async function loadPipeline(root: string): Promise<LoadedPipeline> {
  const read = await readOptionalPlanningFile(root, 'pipeline', 'pipeline');
  if (read.status !== 'valid') return read;
  return { status: 'valid', file: read.file, pipeline: normalizePipeline(read.value as PipelineFile), diagnostics: read.diagnostics };
}
