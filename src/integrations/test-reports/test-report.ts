/** How one test case ended. */
export const TestStatus = {
  Passed: 'passed',
  Failed: 'failed',
  Error: 'error',
  Skipped: 'skipped',
} as const;
export type TestStatus = (typeof TestStatus)[keyof typeof TestStatus];

/** One test case of a JUnit report. */
export interface TestCaseResult {
  name: string;
  classname?: string;
  /** The test's file, when the case or its suite names one (pytest, jest-junit with file attributes). */
  file?: string;
  line?: number;
  status: TestStatus;
  /** The failure, error or skip message: the `message` attribute, else the first line of the text. */
  message?: string;
  /** The failure or error type, e.g. `AssertionError`. */
  failureType?: string;
  /** The failure or error text (usually a stack trace), cut at the report limit. */
  details?: string;
  timeSeconds?: number;
}

/** How many cases ended each way; `tests` is their sum. */
export interface TestCounts {
  tests: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
}

/** One test suite, with nested suites flattened into the report's list. */
export interface TestSuiteResult {
  name: string;
  file?: string;
  timeSeconds?: number;
  counts: TestCounts;
  /** `cases` when counted from the test cases (attributes can lie), `attributes` when it lists none. */
  countedFrom: 'cases' | 'attributes';
  cases: TestCaseResult[];
}

/** A JUnit XML report (vitest, jest-junit, Maven Surefire, pytest and others). */
export interface TestReport {
  format: 'junit';
  /** The report file, as given to the parser. */
  file: string;
  name?: string;
  /** The sum of the suites' counts. */
  counts: TestCounts;
  suites: TestSuiteResult[];
}
