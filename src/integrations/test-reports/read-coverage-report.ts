import { detectCoverageFormat } from './detect-coverage-format.js';
import { CoverageFormat, type CoverageReport } from './coverage-report.js';
import { invalidReport } from './invalid-report.js';
import { parseCoberturaXml } from './parse-cobertura-xml.js';
import { parseIstanbulSummary } from './parse-istanbul-summary.js';
import { parseLcov } from './parse-lcov.js';
import { readReportFile } from './read-report-file.js';
import { resolveReportLimits, type ReportLimits } from './report-limits.js';

/**
 * Reads a coverage report file (lcov, Istanbul `coverage-summary.json` or Cobertura XML), detecting
 * its format from its content.
 * @example
 * const coverage = await readCoverageReport('coverage/lcov.info');
 * coverage.lines.percent; // 60
 */
export async function readCoverageReport(path: string, options: Partial<ReportLimits> = {}): Promise<CoverageReport> {
  const limits = resolveReportLimits(options);
  const text = await readReportFile(path, limits);
  const format = detectCoverageFormat(text, path);
  switch (format) {
    case CoverageFormat.Lcov: return parseLcov(text, path, limits);
    case CoverageFormat.IstanbulSummary: return parseIstanbulSummary(text, path, limits);
    case CoverageFormat.Cobertura: return parseCoberturaXml(text, path, limits);
    case undefined:
      throw invalidReport(path, text.trim() === '' ? 'file is empty: expected a coverage report' : 'not a coverage report: expected lcov, an Istanbul coverage-summary.json or Cobertura XML');
    default: {
      const unreachable: never = format;
      return unreachable;
    }
  }
}
