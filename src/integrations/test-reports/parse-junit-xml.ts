import { invalidReport } from './invalid-report.js';
import { locateElement, parseXmlReport, type XmlReport } from './parse-xml-report.js';
import { resolveReportLimits, type ReportLimits } from './report-limits.js';
import { TestStatus, type TestCaseResult, type TestCounts, type TestReport, type TestSuiteResult } from './test-report.js';
import { childElement, childElements, type XmlElement } from './xml-element.js';

const junitArrayTags: ReadonlySet<string> = new Set(['testsuite', 'testcase', 'failure', 'error', 'skipped']);
const kind = 'JUnit XML report';

/**
 * Parses a JUnit XML report: a `<testsuites>` root or a bare `<testsuite>`, nested suites
 * flattened, as written by vitest's `junit` reporter, jest-junit, Maven Surefire, pytest and
 * `node --test` (whose top-level tests sit directly under `<testsuites>`: they make one suite
 * named after the root).
 * A suite's counts come from its test cases, and from its attributes only when it lists none.
 * Throws `ValidationError` (with line and column where known) for anything else.
 * @example
 * const report = parseJunitXml(await readFile('junit.xml', 'utf8'), 'junit.xml');
 * report.counts.failed; // 1
 */
export function parseJunitXml(text: string, file: string, options: Partial<ReportLimits> = {}): TestReport {
  const limits = resolveReportLimits(options);
  const xml = parseXmlReport(text, file, kind, junitArrayTags, limits);
  const { root } = xml;
  if (root.name !== 'testsuites' && root.name !== 'testsuite') {
    throw invalidReport(file, `not a ${kind}: the root element is <${root.name}>, expected <testsuites> or <testsuite>`, locateElement(xml, root));
  }
  const suites: TestSuiteResult[] = [];
  const reader = { xml, limits, suites };
  if (root.name === 'testsuite') readSuite(reader, root);
  else {
    if (childElements(root, 'testcase').length > 0) readCases(reader, root);
    for (const suite of childElements(root, 'testsuite')) readSuite(reader, suite);
  }
  const counts = suites.length === 0 ? countsFromAttributes(xml, root) : sumCounts(suites.map((suite) => suite.counts));
  const name = root.name === 'testsuites' ? root.attributes.name : undefined;
  return { format: 'junit', file, ...(name === undefined ? {} : { name }), counts, suites };
}

interface SuiteReader {
  xml: XmlReport;
  limits: ReportLimits;
  suites: TestSuiteResult[];
}

function readSuite(reader: SuiteReader, element: XmlElement): void {
  readCases(reader, element);
  for (const nested of childElements(element, 'testsuite')) readSuite(reader, nested);
}

/** The suite an element's own test cases make (its nested suites are read on their own). */
function readCases(reader: SuiteReader, element: XmlElement): void {
  const file = element.attributes.file ?? element.attributes.filepath;
  const cases = childElements(element, 'testcase').map((testCase) => readCase(reader, testCase, file));
  const time = readNumber(reader.xml, element, 'time');
  reader.suites.push({
    name: element.attributes.name ?? '',
    ...(file === undefined ? {} : { file }),
    ...(time === undefined ? {} : { timeSeconds: time }),
    counts: cases.length === 0 ? countsFromAttributes(reader.xml, element) : countCases(cases),
    countedFrom: cases.length === 0 ? 'attributes' : 'cases',
    cases,
  });
}

function readCase(reader: SuiteReader, element: XmlElement, suiteFile: string | undefined): TestCaseResult {
  const { name, classname } = element.attributes;
  if (name === undefined) throw invalidReport(reader.xml.file, 'a <testcase> has no name attribute', locateElement(reader.xml, element));
  const file = element.attributes.file ?? suiteFile;
  const line = readNumber(reader.xml, element, 'line');
  const time = readNumber(reader.xml, element, 'time');
  const outcome = readOutcome(element, reader.limits.maxTextChars);
  return {
    name,
    ...(classname === undefined ? {} : { classname }),
    ...(file === undefined ? {} : { file }),
    ...(line === undefined ? {} : { line }),
    ...outcome,
    ...(time === undefined ? {} : { timeSeconds: time }),
  };
}

type Outcome = Pick<TestCaseResult, 'status' | 'message' | 'failureType' | 'details'>;

function readOutcome(element: XmlElement, maxChars: number): Outcome {
  const failure = childElement(element, 'failure');
  if (failure !== undefined) return describe(TestStatus.Failed, failure, maxChars);
  const error = childElement(element, 'error');
  if (error !== undefined) return describe(TestStatus.Error, error, maxChars);
  const skipped = childElement(element, 'skipped');
  if (skipped !== undefined) return describe(TestStatus.Skipped, skipped, maxChars);
  return { status: TestStatus.Passed };
}

function describe(status: TestStatus, element: XmlElement, maxChars: number): Outcome {
  const details = element.text.trim();
  const message = element.attributes.message ?? details.split('\n', 1)[0]?.trim();
  const type = element.attributes.type;
  return {
    status,
    ...(message === undefined || message === '' ? {} : { message: cut(message, maxChars) }),
    ...(type === undefined || status === TestStatus.Skipped ? {} : { failureType: type }),
    ...(details === '' ? {} : { details: cut(details, maxChars) }),
  };
}

function cut(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, maxChars)}… (${text.length - maxChars} more characters)`;
}

function countCases(cases: readonly TestCaseResult[]): TestCounts {
  const counts: TestCounts = { tests: cases.length, passed: 0, failed: 0, errors: 0, skipped: 0 };
  for (const testCase of cases) {
    switch (testCase.status) {
      case TestStatus.Passed: counts.passed += 1; break;
      case TestStatus.Failed: counts.failed += 1; break;
      case TestStatus.Error: counts.errors += 1; break;
      case TestStatus.Skipped: counts.skipped += 1; break;
      default: {
        const unreachable: never = testCase.status;
        return unreachable;
      }
    }
  }
  return counts;
}

function countsFromAttributes(xml: XmlReport, element: XmlElement): TestCounts {
  const tests = readNumber(xml, element, 'tests') ?? 0;
  const failed = readNumber(xml, element, 'failures') ?? 0;
  const errors = readNumber(xml, element, 'errors') ?? 0;
  const skipped = readNumber(xml, element, 'skipped') ?? readNumber(xml, element, 'disabled') ?? 0;
  return { tests, passed: Math.max(0, tests - failed - errors - skipped), failed, errors, skipped };
}

function sumCounts(all: readonly TestCounts[]): TestCounts {
  const sum: TestCounts = { tests: 0, passed: 0, failed: 0, errors: 0, skipped: 0 };
  for (const counts of all) {
    sum.tests += counts.tests;
    sum.passed += counts.passed;
    sum.failed += counts.failed;
    sum.errors += counts.errors;
    sum.skipped += counts.skipped;
  }
  return sum;
}

/** A non-negative number attribute; absent stays absent, anything else is an error at the element. */
function readNumber(xml: XmlReport, element: XmlElement, attribute: string): number | undefined {
  const written = element.attributes[attribute];
  if (written === undefined || written.trim() === '') return undefined;
  // Some tools write times with thousands separators ("1,234.5").
  const value = Number(attribute === 'time' ? written.replaceAll(',', '') : written);
  if (!Number.isFinite(value) || value < 0) {
    throw invalidReport(xml.file, `<${element.name}> ${attribute}="${written}" is not a non-negative number`, locateElement(xml, element));
  }
  return value;
}
