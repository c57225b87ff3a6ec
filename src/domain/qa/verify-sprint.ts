import { listSome } from '../gates/gate-reason.js';
import { assignTestCases, emptyTally, tallyTotal, type TestTally } from './assign-test-cases.js';
import { attributeCoverage } from './attribute-coverage.js';
import { createFeatureMatcher, featureNames, type FeatureMatcher } from './feature-matcher.js';
import { qaDeclarationsOf } from './qa-declarations.js';
import { describeQaError, isReadingProblem, QaErrorKind, type QaError } from './qa-error.js';
import type { QaEvent } from './qa-event.js';
import type { QaFeature, ReportPlan, ReportSource } from './report-plan.js';
import { sumLines, type QaCoverageMetric, type QaCoverageReport, type QaTestReport, type ReportRead } from './report-shapes.js';
import { shorten, testRunCompletedData } from './test-run-data.js';

/** Test failures listed in qa-errors.json before the rest are summed up in one entry. */
const maxFailuresListed = 500;

/** What verifying a sprint's reports needs: the plan, and each planned report as read. */
export interface VerificationInput {
  sprintId: string;
  /** In-scope feature ids, in planning order. */
  scope: readonly string[];
  backlog: readonly QaFeature[];
  plan: ReportPlan;
  /** One per `plan.tests` source, same paths. */
  testReads: readonly ReportRead<QaTestReport>[];
  /** One per `plan.coverage` source, same paths. */
  coverageReads: readonly ReportRead<QaCoverageReport>[];
  /** The absolute workspace folder, to make coverage file paths relative. */
  workspaceRoot: string;
  /** The coverage the sprint's or milestone's `testCoverageAbove` gate asks for, if any (for the report's status column). */
  coverageThreshold?: number;
}

/** How a feature came out of verification, for the report's status column. */
export const FeatureQaStatus = {
  Passed: 'passed',
  Failed: 'failed',
  NoTests: 'noTests',
  NoCoverage: 'noCoverage',
  LowCoverage: 'lowCoverage',
} as const;
export type FeatureQaStatus = (typeof FeatureQaStatus)[keyof typeof FeatureQaStatus];

/** One report's share of tests. */
export interface ReportTally {
  report: string;
  tally: TestTally;
}

/** One in-scope feature's tests and coverage. */
export interface FeatureVerdict {
  featureId: string;
  title?: string;
  runs: ReportTally[];
  /** All its runs summed. */
  tally: TestTally;
  coverage?: QaCoverageMetric;
  coverageReports: string[];
  status: FeatureQaStatus;
  /** Why the status is what it is, in a few words. */
  note: string;
}

/** What verification found. `failure` is set when a report could not be read or found. */
export interface Verification {
  events: QaEvent[];
  errors: QaError[];
  features: FeatureVerdict[];
  /** Test cases of shared reports that name no in-scope feature. */
  unattributed: ReportTally[];
  /** Whole-report coverage of shared reports, reported sprint-wide. */
  sprintCoverage: { report: string; lines: QaCoverageMetric }[];
  failure?: string;
}

/**
 * Turns a sprint's read reports into evidence: a `TestRunCompleted` per feature and report (the
 * report path is the suite), a `CoverageReported` per feature with its summed line coverage, and
 * a sprint-wide `CoverageReported` per shared coverage report (a gate does not let it stand in for a
 * feature's, but names it). A sprint without features gets sprint-wide runs. Failing tests and
 * low coverage are evidence for the gates, not a failure of the validator; a report that is
 * missing, refused or unreadable is (`failure` names each), and the evidence of the rest is kept.
 */
export function verifySprint(input: VerificationInput): Verification {
  const byId = new Map(input.backlog.map((feature) => [feature.id, feature]));
  const matcher = backlogMatcher(input, byId);
  const errors: QaError[] = [...input.plan.errors];
  const tests = shareTests(input, matcher, errors);
  const coverage = shareCoverage(input, matcher, byId, errors);
  const events: QaEvent[] = [...tests.events];
  const features = input.scope.map((featureId): FeatureVerdict => {
    const runs = tests.runs.get(featureId) ?? [];
    const tally = sumTallies(runs.map((run) => run.tally));
    const share = coverage.shares.get(featureId);
    const lines = share === undefined ? undefined : sumLines(share.metrics);
    const title = byId.get(featureId)?.title;
    const readTests = tests.read.get(featureId) ?? [];
    if (runs.length === 0 && readTests.length > 0) {
      const names = title === undefined ? featureId : `${featureId} or “${title}”`;
      errors.push({ kind: QaErrorKind.NoTestsMatched, featureId, file: readTests.join(', '), message: `no test case names ${names}` });
    }
    const readCoverage = coverage.read.get(featureId) ?? [];
    if (lines === undefined && readCoverage.length > 0) {
      errors.push({ kind: QaErrorKind.NoCoverageMatched, featureId, file: readCoverage.join(', '), message: `no source file belongs to ${featureId}: name its sources in planning/features.yaml` });
    } else if (lines !== undefined && lines.percent === null) {
      errors.push({ kind: QaErrorKind.NoCoverageMatched, featureId, file: share?.reports.join(', ') ?? '', message: `the source files of ${featureId} have no line to cover` });
    }
    if (lines !== undefined && lines.percent !== null) {
      events.push({ type: 'CoverageReported', featureId, data: { featureId, coverage: lines.percent, lines: { covered: lines.covered, total: lines.total }, reports: share?.reports ?? [] } });
    }
    return {
      featureId,
      ...(title === undefined ? {} : { title }),
      runs,
      tally,
      ...(lines === undefined ? {} : { coverage: lines }),
      coverageReports: share?.reports ?? [],
      ...judge(runs.length, tally, lines, input.coverageThreshold),
    };
  });
  for (const { report, lines } of coverage.sprintWide) {
    if (lines.percent !== null) events.push({ type: 'CoverageReported', data: { coverage: lines.percent, lines: { covered: lines.covered, total: lines.total }, report } });
  }
  errors.push(...failureErrors(features, tests.unattributed));
  const problems = errors.filter(isReadingProblem).map(describeQaError);
  return {
    events,
    errors,
    features,
    unattributed: tests.unattributed,
    sprintCoverage: coverage.sprintWide,
    ...(problems.length === 0 ? {} : { failure: `QA could not read every report it needs: ${listSome(problems)}; every problem is in qa-errors.json` }),
  };
}

/** Each test report's cases given to features: a TestRunCompleted per feature and report (sprint-wide for a sprint without features). */
function shareTests(input: VerificationInput, matcher: FeatureMatcher, errors: QaError[]) {
  const events: QaEvent[] = [];
  const runs = new Map<string, ReportTally[]>();
  const read = new Map<string, string[]>();
  const unattributed: ReportTally[] = [];
  input.plan.tests.forEach((source, index) => {
    const result = input.testReads[index];
    if (result === undefined || !result.ok) {
      errors.push(readProblem(source, result));
      return;
    }
    for (const featureId of source.features) read.set(featureId, [...(read.get(featureId) ?? []), source.path]);
    const assigned = assignTestCases(result.report, source, matcher);
    for (const featureId of source.features) {
      const tally = assigned.byFeature.get(featureId);
      if (tally === undefined) continue;
      runs.set(featureId, [...(runs.get(featureId) ?? []), { report: source.path, tally }]);
      events.push({ type: 'TestRunCompleted', featureId, data: testRunCompletedData(featureId, source.path, tally) });
    }
    if (tallyTotal(assigned.unattributed) > 0) {
      unattributed.push({ report: source.path, tally: assigned.unattributed });
      if (input.scope.length === 0) events.push({ type: 'TestRunCompleted', data: testRunCompletedData(undefined, source.path, assigned.unattributed) });
    }
  });
  return { events, runs, read, unattributed };
}

/** Each coverage report's files given to features, and the whole of each shared report. */
function shareCoverage(input: VerificationInput, matcher: FeatureMatcher, byId: ReadonlyMap<string, QaFeature>, errors: QaError[]) {
  const shares = new Map<string, { metrics: QaCoverageMetric[]; reports: string[] }>();
  const read = new Map<string, string[]>();
  const sprintWide: Verification['sprintCoverage'] = [];
  input.plan.coverage.forEach((source, index) => {
    const result = input.coverageReads[index];
    if (result === undefined || !result.ok) {
      errors.push(readProblem(source, result));
      return;
    }
    for (const featureId of source.features) read.set(featureId, [...(read.get(featureId) ?? []), source.path]);
    const context = { workspaceRoot: input.workspaceRoot, sourcesOf: (featureId: string) => qaDeclarationsOf(byId.get(featureId)).sources, matcher };
    for (const [featureId, metric] of attributeCoverage(result.report, source, context)) {
      const entry = shares.get(featureId) ?? { metrics: [], reports: [] };
      entry.metrics.push(metric);
      entry.reports.push(source.path);
      shares.set(featureId, entry);
    }
    if (source.owner === undefined) sprintWide.push({ report: source.path, lines: result.report.lines });
  });
  return { shares, read, sprintWide };
}

/**
 * One matcher over the whole backlog (and in-scope ids the backlog lacks): a case that names a
 * feature of another sprint goes to nobody here, rather than to a shorter name in scope.
 */
function backlogMatcher(input: VerificationInput, byId: ReadonlyMap<string, QaFeature>): FeatureMatcher {
  return createFeatureMatcher([
    ...input.backlog.map((feature) => featureNames({ id: feature.id, ...(feature.title === undefined ? {} : { title: feature.title }) })),
    ...input.scope.filter((featureId) => !byId.has(featureId)).map((featureId) => featureNames({ id: featureId })),
  ]);
}

function readProblem(source: ReportSource, read: ReportRead<unknown> | undefined): QaError {
  const problem = read === undefined || read.ok ? { message: 'not read' } : read.problem;
  return {
    kind: QaErrorKind.ReportInvalid,
    features: [...source.features],
    file: source.path,
    ...(problem.line === undefined ? {} : { line: problem.line, column: problem.column ?? 1 }),
    message: problem.message,
  };
}

function judge(runCount: number, tally: TestTally, lines: QaCoverageMetric | undefined, threshold: number | undefined): Pick<FeatureVerdict, 'status' | 'note'> {
  const failed = tally.failed + tally.errors;
  if (runCount === 0) return { status: FeatureQaStatus.NoTests, note: 'no test run' };
  if (failed > 0) return { status: FeatureQaStatus.Failed, note: `${failed} of ${failed + tally.passed} failed` };
  if (tally.passed === 0) return { status: FeatureQaStatus.NoTests, note: 'no test executed' };
  if (lines === undefined || lines.percent === null) return { status: FeatureQaStatus.NoCoverage, note: lines === undefined ? 'no coverage reported' : 'no line to cover' };
  if (threshold !== undefined && lines.percent < threshold) return { status: FeatureQaStatus.LowCoverage, note: `coverage ${lines.percent}% < ${threshold}%` };
  return { status: FeatureQaStatus.Passed, note: `${tally.passed} passed` };
}

function sumTallies(tallies: readonly TestTally[]): TestTally {
  const sum = emptyTally();
  for (const tally of tallies) {
    sum.passed += tally.passed;
    sum.failed += tally.failed;
    sum.errors += tally.errors;
    sum.skipped += tally.skipped;
    sum.failures.push(...tally.failures);
  }
  return sum;
}

/** One qa-errors.json entry per failing test, the features' first, then those that name no feature. */
function failureErrors(features: readonly FeatureVerdict[], unattributed: readonly ReportTally[]): QaError[] {
  const entries: QaError[] = [];
  let left = 0;
  const add = (featureId: string | undefined, run: ReportTally): void => {
    for (const failure of run.tally.failures) {
      if (entries.length >= maxFailuresListed) {
        left += 1;
        continue;
      }
      entries.push({
        kind: QaErrorKind.TestFailed,
        ...(featureId === undefined ? {} : { featureId }),
        file: run.report,
        suite: failure.suite,
        test: failure.test,
        status: failure.status,
        message: failure.message === undefined ? failure.status : shorten(failure.message),
      });
    }
  };
  for (const feature of features) for (const run of feature.runs) add(feature.featureId, run);
  for (const run of unattributed) add(undefined, run);
  if (left > 0) entries.push({ kind: QaErrorKind.TestFailed, message: `and ${left} more failing test(s), not listed` });
  return entries;
}
