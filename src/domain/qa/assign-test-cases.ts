import type { FeatureMatcher } from './feature-matcher.js';
import type { ReportSource } from './report-plan.js';
import type { QaTestCase, QaTestReport, QaTestSuite } from './report-shapes.js';

/** A failing or erroring test case, as qa-errors.json and TestRunCompleted name it. */
export interface TestFailureNote {
  suite: string;
  test: string;
  status: 'failed' | 'error';
  message?: string;
}

/** Test cases counted by outcome, with the failing ones named. */
export interface TestTally {
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
  failures: TestFailureNote[];
}

/** The cases of one report, split by in-scope feature; the rest name none of them. */
export interface AssignedCases {
  byFeature: Map<string, TestTally>;
  unattributed: TestTally;
}

/** A tally of nothing. */
export function emptyTally(): TestTally {
  return { passed: 0, failed: 0, errors: 0, skipped: 0, failures: [] };
}

/** How many cases a tally counts. */
export function tallyTotal(tally: TestTally): number {
  return tally.passed + tally.failed + tally.errors + tally.skipped;
}

/**
 * Gives the cases of a JUnit report to the in-scope features of its source: all of them to the
 * report's owner; otherwise each case to the features its class name, name or file names
 * ({@link FeatureMatcher}), else those its suite's name or file names. A suite that lists no cases
 * is given by its name and file, with the counts of its attributes.
 */
export function assignTestCases(report: QaTestReport, source: Pick<ReportSource, 'owner' | 'features'>, matcher: FeatureMatcher): AssignedCases {
  const assigned: AssignedCases = { byFeature: new Map(), unattributed: emptyTally() };
  const inScope = new Set(source.features);
  const tallyOf = (featureId: string): TestTally => {
    let tally = assigned.byFeature.get(featureId);
    if (tally === undefined) {
      tally = emptyTally();
      assigned.byFeature.set(featureId, tally);
    }
    return tally;
  };
  const known = (texts: readonly (string | undefined)[]): string[] => matcher.match(texts.filter((text): text is string => text !== undefined));
  const targets = (caseTexts: readonly (string | undefined)[], suiteTexts: readonly (string | undefined)[]): TestTally[] => {
    if (source.owner !== undefined && inScope.has(source.owner)) return [tallyOf(source.owner)];
    if (inScope.size === 0) return [assigned.unattributed];
    // A case that names a feature itself outranks the suite it sits in.
    const named = known(caseTexts);
    const features = (named.length > 0 ? named : known(suiteTexts)).filter((featureId) => inScope.has(featureId));
    return features.length === 0 ? [assigned.unattributed] : features.map(tallyOf);
  };
  for (const suite of report.suites) {
    const suiteTexts = [suite.name, suite.file];
    if (suite.cases.length === 0) {
      for (const tally of targets([], suiteTexts)) addCounts(tally, suite);
      continue;
    }
    for (const testCase of suite.cases) {
      for (const tally of targets([testCase.classname, testCase.name, testCase.file], suiteTexts)) addCase(tally, suite, testCase);
    }
  }
  return assigned;
}

function addCounts(tally: TestTally, suite: QaTestSuite): void {
  tally.passed += suite.counts.passed;
  tally.failed += suite.counts.failed;
  tally.errors += suite.counts.errors;
  tally.skipped += suite.counts.skipped;
  if (suite.counts.failed + suite.counts.errors > 0) {
    tally.failures.push({ suite: suite.name, test: '(cases not listed)', status: suite.counts.failed > 0 ? 'failed' : 'error', message: `${suite.counts.failed + suite.counts.errors} failed by the suite's counts` });
  }
}

function addCase(tally: TestTally, suite: QaTestSuite, testCase: QaTestCase): void {
  switch (testCase.status) {
    case 'passed':
      tally.passed += 1;
      return;
    case 'skipped':
      tally.skipped += 1;
      return;
    case 'failed':
    case 'error': {
      if (testCase.status === 'failed') tally.failed += 1;
      else tally.errors += 1;
      const message = testCase.message ?? testCase.failureType;
      tally.failures.push({ suite: suite.name, test: testName(testCase), status: testCase.status, ...(message === undefined ? {} : { message }) });
      return;
    }
    default: {
      const unreachable: never = testCase.status;
      return unreachable;
    }
  }
}

/** A case's name with its class when the name does not already say it (`test_math.TestMath > test_divides`). */
export function testName(testCase: Pick<QaTestCase, 'name' | 'classname'>): string {
  const { name, classname } = testCase;
  if (classname === undefined || classname === '' || name.includes(classname)) return name;
  return `${classname} > ${name}`;
}
