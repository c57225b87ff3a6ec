import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../../domain/errors/index.js';
import type { ArtifactKind } from '../artifact-kind.js';
import { readSourceFile } from '../source/read-source-file.js';
import { defaultSourceLimits } from '../source/source-limits.js';
import { checkSource } from '../validation/check-source.js';

/**
 * One optional planning file read on its own: absent; invalid, with every located diagnostic; or
 * valid, with its data (exactly what its schema describes) and any warnings.
 */
export type OptionalPlanningFile =
  | { status: 'absent'; file: string }
  | { status: 'invalid'; file: string; diagnostics: Diagnostic[] }
  | { status: 'valid'; file: string; value: unknown; diagnostics: Diagnostic[] };

/**
 * Reads `planning/<name>.yaml` (or `.yml`) of a workspace and checks it against the schema of
 * `kind`, for an agent that needs that one file and not the whole workspace. Never throws for what
 * the file holds.
 */
export async function readOptionalPlanningFile(root: string, name: string, kind: ArtifactKind): Promise<OptionalPlanningFile> {
  const candidates = [join(root, 'planning', `${name}.yaml`), join(root, 'planning', `${name}.yml`)];
  let file: string | undefined;
  for (const candidate of candidates) {
    if (await exists(candidate)) {
      file = candidate;
      break;
    }
  }
  if (file === undefined) return { status: 'absent', file: candidates[0] as string };
  const read = await readSourceFile(file, defaultSourceLimits);
  if (!read.ok) return { status: 'invalid', file, diagnostics: [read.diagnostic] };
  const checked = checkSource(read.text, file, { kind });
  if (!checked.valid) return { status: 'invalid', file, diagnostics: checked.diagnostics };
  return { status: 'valid', file, value: checked.source.value, diagnostics: checked.diagnostics };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
