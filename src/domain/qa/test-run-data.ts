import type { JsonObject } from '../events/envelope.js';
import { tallyTotal, type TestTally } from './assign-test-cases.js';

/** Failures named in one TestRunCompleted (the evidence keeps 20; qa-errors.json has them all). */
const failuresPerRun = 20;
/** Longest failure message an event carries. */
const maxMessageChars = 500;

/**
 * The `data` of a `TestRunCompleted` for one feature's share of one report (see
 * `TestRunCompletedData`): the report path is the suite, so the next run of the same report
 * replaces this one in the evidence. `failed` counts failures and errors; `errors` says how many
 * of them were errors. A feature id is left out for a sprint-wide run.
 *
 * @example testRunCompletedData('BookingFlow', 'reports/junit.xml', tally) // { featureId: 'BookingFlow', suite: 'reports/junit.xml', total: 12, passed: 11, failed: 1, … }
 */
export function testRunCompletedData(featureId: string | undefined, reportPath: string, tally: TestTally): JsonObject {
  return {
    ...(featureId === undefined ? {} : { featureId }),
    suite: reportPath,
    report: reportPath,
    total: tallyTotal(tally),
    passed: tally.passed,
    failed: tally.failed + tally.errors,
    errors: tally.errors,
    skipped: tally.skipped,
    failures: tally.failures.slice(0, failuresPerRun).map((failure) => ({
      name: failure.test,
      ...(failure.message === undefined ? {} : { message: shorten(failure.message) }),
    })),
  };
}

/** The first line of a message, cut to a length an event carries. */
export function shorten(message: string): string {
  const line = message.trim().split(/\r?\n/, 1)[0] ?? '';
  return line.length <= maxMessageChars ? line : `${line.slice(0, maxMessageChars - 1)}…`;
}
