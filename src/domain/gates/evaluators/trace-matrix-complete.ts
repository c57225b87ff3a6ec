import type { JsonObject } from '../../events/envelope.js';
import { commitShasOf, workOf } from '../../evidence/feature-links.js';
import { requiredFeatures } from '../../evidence/required-features.js';
import { capped, count, deferredNote, listSome, scopeLabel } from '../gate-reason.js';
import { fail, pass } from '../gate-result.js';
import type { GateEvaluator } from './gate-evaluator.js';

/**
 * `traceMatrixComplete` (also `sprint-trace-matrix.complete`, `traceValidated`): every required
 * feature links at least one produced file, one commit (its own or its pull requests'), one test (a
 * generated test file or a test run) and its coverage, as the sprint trace matrix does.
 */
export const traceMatrixComplete: GateEvaluator = (evidence) => {
  const { required, deferred, declared } = requiredFeatures(evidence);
  const rows: JsonObject[] = [];
  const incomplete: string[] = [];
  for (const featureId of required) {
    const work = workOf(evidence, featureId);
    const commits = commitShasOf(evidence, featureId);
    const tests = [...work.testFiles, ...work.testRuns.map((run) => run.suite).filter((suite) => suite !== '')];
    const hasTest = work.testFiles.length > 0 || work.testRuns.length > 0;
    const missing = [
      ...(work.files.length === 0 ? ['no produced file'] : []),
      ...(commits.length === 0 ? ['no commit'] : []),
      ...(hasTest ? [] : ['no test']),
      ...(work.coverage === undefined ? ['no coverage'] : []),
    ];
    rows.push({
      featureId,
      files: capped(work.files.map((file) => file.path)),
      commits: capped(commits),
      tests: capped([...new Set(tests)]),
      coverage: work.coverage?.percent ?? null,
      missing,
    });
    if (missing.length > 0) incomplete.push(`${featureId}: ${missing.join(', ')}`);
  }
  const facts: JsonObject = { features: capped(rows), deferred: capped(deferred) };
  if (incomplete.length > 0) return fail(listSome(incomplete), facts);
  if (required.length === 0) {
    const why = declared ? `all ${count(deferred.length, 'in-scope feature')} deferred: ` : '';
    return fail(`${why}no feature to trace in ${scopeLabel(evidence)}`, facts);
  }
  return pass(`all ${count(required.length, 'feature')} link a file, a commit, a test and their coverage${deferredNote(deferred)}`, facts);
};
