import type { JsonObject } from '../../events/envelope.js';
import { workOf } from '../../evidence/feature-links.js';
import { requiredFeatures } from '../../evidence/required-features.js';
import type { TestRunEvidence } from '../../evidence/scope-evidence.js';
import { capped, count, deferredNote, listSome, scopeLabel } from '../gate-reason.js';
import { fail, pass } from '../gate-result.js';
import type { GateEvaluator } from './gate-evaluator.js';

/**
 * `testsPassed` (also `allTestsPass`, `allTestsPassed`): every required feature has a latest test
 * run, and the latest run of each of its suites failed nothing and executed something. Runs that
 * name no feature must pass too. A scope that declares no features is judged on the runs it has,
 * and fails when it has none.
 */
export const testsPassed: GateEvaluator = (evidence) => {
  const { required, deferred, declared } = requiredFeatures(evidence);
  const problems: string[] = [];
  const withoutRun: string[] = [];
  const failing: JsonObject[] = [];
  const perFeature: JsonObject[] = [];
  let runs = 0;
  let executed = 0;
  for (const featureId of required) {
    const featureRuns = workOf(evidence, featureId).testRuns;
    runs += featureRuns.length;
    executed += featureRuns.reduce((sum, run) => sum + run.passed + run.failed, 0);
    perFeature.push({ featureId, ...totals(featureRuns) });
    if (featureRuns.length === 0) {
      withoutRun.push(featureId);
      problems.push(`${featureId}: no test run`);
      continue;
    }
    for (const run of featureRuns) {
      const problem = runProblem(run);
      if (problem === undefined) continue;
      problems.push(`${featureId}: ${problem}`);
      failing.push(failingRun(featureId, run));
    }
  }
  const loose = evidence.unattributed.testRuns;
  runs += loose.length;
  executed += loose.reduce((sum, run) => sum + run.passed + run.failed, 0);
  for (const run of loose) {
    const problem = runProblem(run);
    if (problem === undefined) continue;
    problems.push(`(no feature) ${problem}`);
    failing.push(failingRun(null, run));
  }
  const facts: JsonObject = { features: capped(perFeature), withoutRun: capped(withoutRun), failing: capped(failing), deferred: capped(deferred) };
  if (problems.length > 0) return fail(listSome(problems), facts);
  if (runs === 0) {
    const why = declared && required.length === 0 ? `all ${count(deferred.length, 'in-scope feature')} deferred and ` : '';
    return fail(`${why}no test run recorded for ${scopeLabel(evidence)}`, facts);
  }
  const tally = executed === 0 ? '' : ` (${count(executed, 'test')})`;
  const subject = required.length === 0 ? `${count(runs, 'latest test run')} passed` : `latest test runs of ${count(required.length, 'feature')} passed`;
  return pass(`${subject}${tally}${deferredNote(deferred)}`, facts);
};

/** What is wrong with a latest run, or nothing. */
function runProblem(run: TestRunEvidence): string | undefined {
  const suite = run.suite === '' ? '' : ` in ${run.suite}`;
  if (run.outcome === 'empty') return `latest run${suite} executed no tests`;
  if (run.outcome === 'passed') return undefined;
  const failures = run.failures.map((failure) => (failure.message === undefined ? failure.name : `${failure.name}: ${failure.message}`));
  const named = failures.length === 0 ? '' : ` (${listSome(failures)})`;
  const counted = run.failed === 0 ? 'latest run failed' : `${run.failed} failed of ${run.passed + run.failed}`;
  return `${counted}${suite}${named}`;
}

function failingRun(featureId: string | null, run: TestRunEvidence): JsonObject {
  return {
    featureId,
    suite: run.suite,
    passed: run.passed,
    failed: run.failed,
    failures: run.failures.map((failure) => ({ name: failure.name, message: failure.message ?? null })),
    position: run.position,
  };
}

function totals(runs: readonly TestRunEvidence[]): JsonObject {
  return {
    runs: runs.length,
    passed: runs.reduce((sum, run) => sum + run.passed, 0),
    failed: runs.reduce((sum, run) => sum + run.failed, 0),
    skipped: runs.reduce((sum, run) => sum + run.skipped, 0),
  };
}
