import type { ResolvedEvent } from './evidence-event.js';
import { type FoldStep, prefer } from './fold-step.js';
import { normalizeOutcome } from './normalize-word.js';
import { distinctStrings, firstString, isRecord, noItems, own, readCount, readList, readPercent, readString, type JsonRecord } from './read-json.js';
import { changeWork, type CoverageEvidence, type ScopeEvidence, type TestFailure, type TestRunEvidence, type WorkEvidence } from './scope-evidence.js';
import { addSorted, upsertSorted } from './sorted-set.js';
import { updateWork } from './update-work.js';

const maxFailuresKept = 20;
const coverageKeys = ['coverage', 'percent', 'lineCoverage'] as const;
const testFileKeys = ['tests', 'testFiles', 'files'];

/** TestCasesGenerated: test files of a feature, and its coverage when the link carries one. */
export const foldTestCases: FoldStep = (evidence, event) => {
  const payload = readTestCases(event);
  if (typeof payload === 'string') return payload;
  const { files, coverage } = payload;
  return updateWork(evidence, event.anchors.featureId, (work) => {
    let testFiles = work.testFiles;
    for (const file of files) testFiles = addSorted(testFiles, file);
    const next = testFiles === work.testFiles ? work : changeWork(work, { testFiles });
    return coverage === undefined ? next : withCoverage(next, coverage);
  });
};

function readTestCases(event: ResolvedEvent): { files: string[]; coverage: CoverageEvidence | undefined } | string {
  const files = distinctStrings(event.data, [], testFileKeys);
  const coverage = coverageAt(readPercent(event.data['coverage']), event.position);
  if (files.length === 0 && coverage === undefined) {
    return `${event.type} names no test files (tests, testFiles or files) and no coverage from 0 to 100`;
  }
  return { files, coverage };
}

/** TestRunCompleted and TestsPassed: the latest run of one suite of a feature. */
export const foldTestRun: FoldStep = (evidence, event) => {
  const payload = readTestRunPayload(event);
  if (typeof payload === 'string') return payload;
  const { run, coverage } = payload;
  return updateWork(evidence, event.anchors.featureId, (work) => {
    const testRuns = upsertSorted(work.testRuns, run, (item) => item.suite, latestRun);
    const next = testRuns === work.testRuns ? work : changeWork(work, { testRuns });
    return coverage === undefined ? next : withCoverage(next, coverage);
  });
};

function readTestRunPayload(event: ResolvedEvent): { run: TestRunEvidence; coverage: CoverageEvidence | undefined } | string {
  const run = readTestRun(event);
  if (typeof run === 'string') return run;
  return { run, coverage: coverageAt(readPercent(event.data['coverage']), event.position) };
}

/** CoverageReported: coverage of a feature (or of the scope), or of several features as rows. */
export const foldCoverage: FoldStep = (evidence, event) => {
  const payload = readCoverage(event);
  if (typeof payload === 'string') return payload;
  let next: ScopeEvidence = evidence;
  if (payload.single !== undefined) {
    const single = payload.single;
    next = updateWork(next, event.anchors.featureId, (work) => withCoverage(work, single));
  }
  for (const [featureId, coverage] of payload.rows) next = updateWork(next, featureId, (work) => withCoverage(work, coverage));
  return next;
};

function readCoverage(event: ResolvedEvent): { single: CoverageEvidence | undefined; rows: [string, CoverageEvidence][] } | string {
  const { data, position } = event;
  const single = coverageAt(firstPercent(data), position);
  const rows: [string, CoverageEvidence][] = [];
  for (const row of readList(data['features'])) {
    if (!isRecord(row)) continue;
    const featureId = firstString(row, ['featureId', 'id']);
    const percent = firstPercent(row);
    if (featureId !== undefined && percent !== undefined) rows.push([featureId, { percent, position }]);
  }
  if (single === undefined && rows.length === 0) {
    return `${event.type} gives no coverage from 0 to 100 (coverage, percent, lineCoverage, or features[].coverage)`;
  }
  return { single, rows };
}

function coverageAt(percent: number | undefined, position: number): CoverageEvidence | undefined {
  return percent === undefined ? undefined : { percent, position };
}

function firstPercent(record: JsonRecord): number | undefined {
  for (const key of coverageKeys) {
    const percent = readPercent(own(record, key));
    if (percent !== undefined) return percent;
  }
  return undefined;
}

/** The latest coverage wins; of two at one position, the lower (never overstate coverage). */
export function withCoverage<T extends WorkEvidence>(work: T, coverage: CoverageEvidence): T {
  const current = work.coverage;
  if (current !== undefined) {
    const winner = prefer(current, coverage, (item) => [item.position, -item.percent]);
    if (winner === current) return work;
  }
  return changeWork(work, { coverage });
}

/** The latest run of a suite wins; of two at one position, the one with more failures. */
export function latestRun(existing: TestRunEvidence, incoming: TestRunEvidence): TestRunEvidence {
  return prefer(existing, incoming, (run) => [run.position, run.failed]);
}

function readTestRun(event: ResolvedEvent): TestRunEvidence | string {
  const { data } = event;
  const passed = readCount(data['passed']);
  let failed = readCount(data['failed']);
  const skipped = readCount(data['skipped']);
  const total = readCount(data['total']);
  const failures = readFailures(data['failures']);
  const statusText = firstString(data, ['status', 'result', 'outcome']);
  let status = statusText === undefined ? undefined : normalizeOutcome(statusText);
  const hasCounts = passed !== undefined || failed !== undefined || skipped !== undefined || total !== undefined;
  if (!hasCounts && failures.length === 0 && status !== 'pass' && status !== 'fail') {
    // TestsPassed says it in its name.
    if (event.type !== 'TestsPassed') {
      return `${event.type} gives no counts (passed, failed, skipped, total), no failures and no passed/failed status`;
    }
    status = 'pass';
  }
  failed = Math.max(failed ?? 0, failures.length);
  const skippedCount = skipped ?? 0;
  const passedCount = passed ?? (total === undefined ? 0 : Math.max(0, total - failed - skippedCount));
  const outcome = failed > 0 || status === 'fail' ? 'failed' : passedCount > 0 || status === 'pass' ? 'passed' : 'empty';
  return {
    suite: firstString(data, ['suite', 'name']) ?? '',
    passed: passedCount,
    failed,
    skipped: skippedCount,
    failures: failures.length === 0 ? noItems() : failures.slice(0, maxFailuresKept),
    outcome,
    position: event.position,
  };
}

function readFailures(value: unknown): TestFailure[] {
  const failures: TestFailure[] = [];
  for (const item of readList(value)) {
    if (!isRecord(item)) {
      const name = readString(item);
      if (name !== undefined) failures.push({ name });
      continue;
    }
    const name = firstString(item, ['name', 'test', 'id', 'title']);
    const message = firstString(item, ['message', 'error', 'reason']);
    if (name === undefined && message === undefined) continue;
    const failure: TestFailure = { name: name ?? '(unnamed test)' };
    if (message !== undefined) failure.message = message;
    failures.push(failure);
  }
  return failures;
}
