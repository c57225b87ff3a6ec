import { formatBytes } from '../../artifacts/source/format-bytes.js';
import { invalidReport } from './invalid-report.js';
import type { ReportLimits } from './report-limits.js';

/** Refuses report text that is too large to parse or holds nothing; `kind` names what was expected. */
export function checkReportText(text: string, file: string, kind: string, limits: Pick<ReportLimits, 'maxBytes'>): void {
  if (text.length > limits.maxBytes) {
    throw invalidReport(file, `report is ${text.length} characters, over the ${formatBytes(limits.maxBytes)} limit for reports`);
  }
  if (text.trim() === '') throw invalidReport(file, `file is empty: expected a ${kind}`);
}
