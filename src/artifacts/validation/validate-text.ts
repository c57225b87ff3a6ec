import { checkAcrossFiles } from '../checks/check-across-files.js';
import { checkSource, type ValidateOptions } from './check-source.js';
import type { FileReport } from './file-report.js';
import { sortDiagnostics } from './sort-diagnostics.js';

/**
 * Validates one file's text: parsing, its kind's schema, and what the file alone can tell about
 * ids and references (duplicate ids, `dependsOn` cycles). `file` names it in diagnostics.
 *
 * @example validateText('milestones: []\n', 'planning/milestones.yaml').diagnostics // []
 */
export function validateText(text: string, file: string, options: ValidateOptions = {}): FileReport {
  const checked = checkSource(text, file, options);
  return { file, kind: checked.kind, diagnostics: sortDiagnostics([...checked.diagnostics, ...checkAcrossFiles([checked])]) };
}
