/** What went wrong, for one entry of `qa-errors.json`. */
export const QaErrorKind = {
  /** A test case failed or errored. */
  TestFailed: 'testFailed',
  /** A report (or a declared test file) is not there. */
  ReportMissing: 'reportMissing',
  /** A report is there but cannot be used: malformed, binary, too large, not a regular file. */
  ReportInvalid: 'reportInvalid',
  /** A path in planning/features.yaml that could leave the workspace. */
  PathRefused: 'pathRefused',
  /** No report of a kind was found for a feature: none declared, none at the conventional places. */
  NoReport: 'noReport',
  /** A shared report was read but none of its test cases names the feature. */
  NoTestsMatched: 'noTestsMatched',
  /** A shared coverage report was read but none of its files belongs to the feature. */
  NoCoverageMatched: 'noCoverageMatched',
  /** Test plan: the feature has no test file and no acceptance criteria to generate one from. */
  NoTests: 'noTests',
  /** Test plan: a test file the feature declares does not exist (yet). */
  TestFileMissing: 'testFileMissing',
} as const;
export type QaErrorKind = (typeof QaErrorKind)[keyof typeof QaErrorKind];

/**
 * One entry of `execution/<sprintId>/qa-errors.json` (the file is a list of them, empty when all
 * is well). `file` is relative to the workspace; `line` and `column` locate a report's problem.
 */
export interface QaError {
  kind: QaErrorKind;
  /** The feature it is about. */
  featureId?: string;
  /** The in-scope features that read the report, for a problem with a shared report. */
  features?: string[];
  file?: string;
  line?: number;
  column?: number;
  /** For a test failure: the suite and the test, and whether it failed or errored. */
  suite?: string;
  test?: string;
  status?: 'failed' | 'error';
  message: string;
}

/** Does this problem mean the validator could not do its job (as opposed to finding failing tests)? */
export function isReadingProblem(error: QaError): boolean {
  return error.kind === QaErrorKind.ReportMissing || error.kind === QaErrorKind.ReportInvalid || error.kind === QaErrorKind.PathRefused || error.kind === QaErrorKind.NoReport;
}

/** An error as a person reads it on one line: `reports/junit.xml:1:1: file not found (BookingFlow)`. */
export function describeQaError(error: QaError): string {
  const at = error.file === undefined ? '' : `${error.file}${error.line === undefined ? '' : `:${error.line}:${error.column ?? 1}`}: `;
  const who = error.featureId !== undefined ? ` (${error.featureId})` : error.features !== undefined && error.features.length > 0 ? ` (${error.features.join(', ')})` : '';
  return `${at}${error.message}${who}`;
}

/** The text of `qa-errors.json`: the list, pretty-printed, `[]` when there is nothing wrong. */
export function qaErrorsJson(errors: readonly QaError[]): string {
  return `${JSON.stringify(errors, null, 2)}\n`;
}
