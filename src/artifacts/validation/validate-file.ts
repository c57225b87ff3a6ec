import { readSourceFile } from '../source/read-source-file.js';
import { resolveSourceLimits } from '../source/source-limits.js';
import { isArtifactKind } from '../artifact-kind.js';
import type { ValidateOptions } from './check-source.js';
import { detectKind } from './detect-kind.js';
import type { FileReport } from './file-report.js';
import { validateText } from './validate-text.js';

/**
 * Validates one planning file or artifact on disk (YAML or JSON), reporting every problem at once.
 * Unreadable, oversized and binary files are reported, not thrown.
 */
export async function validateFile(path: string, options: ValidateOptions = {}): Promise<FileReport> {
  const read = await readSourceFile(path, resolveSourceLimits(options.limits));
  if (!read.ok) {
    const kind = options.kind !== undefined && isArtifactKind(options.kind) ? options.kind : detectKind(undefined, path);
    return { file: path, kind, diagnostics: [read.diagnostic] };
  }
  return validateText(read.text, path, options);
}
