import type { JsonObject } from '../../events/envelope.js';
import { requiredFeatures } from '../../evidence/required-features.js';
import { describeLink, describeMissing, featureTrace } from '../../trace/feature-trace.js';
import { capped, count, deferredNote, listSome, scopeLabel } from '../gate-reason.js';
import { fail, pass } from '../gate-result.js';
import type { GateEvaluator } from './gate-evaluator.js';

/**
 * `traceMatrixComplete` (also `sprint-trace-matrix.complete`, `traceValidated`): every required
 * feature links at least one produced file, one commit (its own or its pull requests'), one test (a
 * generated test file or a test run) and its coverage — the links of the sprint trace matrix, read
 * by the same `featureTrace`. The reason names each incomplete feature and what it lacks.
 */
export const traceMatrixComplete: GateEvaluator = (evidence) => {
  const { required, deferred, declared } = requiredFeatures(evidence);
  const rows: JsonObject[] = [];
  const incomplete: string[] = [];
  for (const featureId of required) {
    const trace = featureTrace(evidence, featureId);
    rows.push({
      featureId,
      files: capped(trace.files),
      commits: capped(trace.commits),
      tests: capped(trace.tests),
      coverage: trace.coverage ?? null,
      missing: trace.missing.map(describeLink),
    });
    if (trace.missing.length > 0) incomplete.push(`${featureId}: ${describeMissing(trace.missing)}`);
  }
  const facts: JsonObject = { features: capped(rows), deferred: capped(deferred) };
  if (incomplete.length > 0) return fail(listSome(incomplete), facts);
  if (required.length === 0) {
    const why = declared ? `all ${count(deferred.length, 'in-scope feature')} deferred: ` : '';
    return fail(`${why}no feature to trace in ${scopeLabel(evidence)}`, facts);
  }
  return pass(`all ${count(required.length, 'feature')} link a file, a commit, a test and their coverage${deferredNote(deferred)}`, facts);
};
