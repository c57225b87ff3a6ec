import type { Diagnostic } from '../../domain/errors/index.js';
import type { ArtifactKind } from '../artifact-kind.js';
import { checkAcrossFiles } from '../checks/check-across-files.js';
import { checkSource } from '../validation/check-source.js';
import { sortDiagnostics } from '../validation/sort-diagnostics.js';

/** One in-memory file for a cross-file test. */
export interface TextFile {
  file: string;
  text: string;
  kind?: ArtifactKind;
}

/** Checks several in-memory files as one workspace: each against its schema, then across files. */
export function checkTexts(files: readonly TextFile[]): Diagnostic[] {
  const checked = files.map((file) => checkSource(file.text, file.file, { kind: file.kind }));
  return sortDiagnostics([...checked.flatMap((file) => file.diagnostics), ...checkAcrossFiles(checked)]);
}

/** `file:line:col: severity: message (at path)`, as the CLI prints a diagnostic, for readable assertions. */
export function formatForTest(diagnostic: Diagnostic): string {
  const where = diagnostic.path === '' ? '' : ` (at ${diagnostic.path})`;
  return `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.severity}: ${diagnostic.message}${where}`;
}

/** Lines joined into a file's text. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
