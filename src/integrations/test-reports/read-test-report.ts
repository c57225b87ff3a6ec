import { parseJunitXml } from './parse-junit-xml.js';
import { readReportFile } from './read-report-file.js';
import { resolveReportLimits, type ReportLimits } from './report-limits.js';
import type { TestReport } from './test-report.js';

/**
 * Reads a JUnit XML test report file.
 * @example
 * const report = await readTestReport('reports/junit.xml');
 * report.counts; // { tests: 3, passed: 1, failed: 1, errors: 0, skipped: 1 }
 */
export async function readTestReport(path: string, options: Partial<ReportLimits> = {}): Promise<TestReport> {
  const limits = resolveReportLimits(options);
  return parseJunitXml(await readReportFile(path, limits), path, limits);
}
