/*
 * The parts of a parsed test or coverage report the QA validator reads. They are subsets of the
 * shapes the readers in src/integrations/test-reports return (which the domain may not import), so
 * a parsed report is passed as it is.
 */

/** One test case of a JUnit report. */
export interface QaTestCase {
  name: string;
  classname?: string;
  file?: string;
  status: 'passed' | 'failed' | 'error' | 'skipped';
  message?: string;
  failureType?: string;
}

/** One suite of a JUnit report; `counts` matter only for a suite that lists no cases. */
export interface QaTestSuite {
  name: string;
  file?: string;
  counts: { passed: number; failed: number; errors: number; skipped: number };
  cases: QaTestCase[];
}

/** A JUnit report. */
export interface QaTestReport {
  suites: QaTestSuite[];
}

/** Covered of total, and the percentage (`null` when there is nothing to cover). */
export interface QaCoverageMetric {
  covered: number;
  total: number;
  percent: number | null;
}

/** A coverage report: its line totals and its files (paths as the tool wrote them). */
export interface QaCoverageReport {
  lines: QaCoverageMetric;
  files: { path: string; lines: QaCoverageMetric }[];
  /** Folders file paths are relative to (Cobertura's `<sources>`). */
  sourceRoots: string[];
}

/** A report file as read: its content, or where and why it could not be used. */
export type ReportRead<T> =
  | { path: string; ok: true; report: T }
  | { path: string; ok: false; problem: { line?: number; column?: number; message: string } };

/** The sum of several line metrics, percentage rounded to 2 decimals as the readers do. */
export function sumLines(metrics: readonly QaCoverageMetric[]): QaCoverageMetric {
  let covered = 0;
  let total = 0;
  for (const metric of metrics) {
    covered += metric.covered;
    total += metric.total;
  }
  return { covered, total, percent: total === 0 ? null : Math.round((covered / total) * 10_000) / 100 };
}
