import type { JsonObject } from '../../events/envelope.js';
import type { ResilienceEvidence } from '../../evidence/scope-evidence.js';
import { formatNumber, listSome, scopeLabel, sourceLabel } from '../gate-reason.js';
import { fail, pass } from '../gate-result.js';
import type { GateEvaluator } from './gate-evaluator.js';
import { numberParam } from './number-param.js';

/**
 * `resilienceScoreAbove: N`: the latest resilience score (ValidationPassed with `resilienceScore`)
 * of every source (each sprint, or the milestone itself) is at least N; at least one is needed.
 */
export const resilienceScoreAbove: GateEvaluator = (evidence, ref) => {
  const threshold = numberParam(ref);
  if (threshold === undefined) return fail(`${ref.written} needs a number, as in \`resilienceScoreAbove: 85\``);
  const scores = Object.keys(evidence.resilience)
    .sort()
    .map((source) => evidence.resilience[source] as ResilienceEvidence);
  const facts: JsonObject = { threshold, scores: scores.map(({ source, score, position }) => ({ source, score, position })) };
  if (scores.length === 0) {
    return fail(`no resilience score reported for ${scopeLabel(evidence)} (a ValidationPassed with resilienceScore)`, facts);
  }
  const low = scores.filter((item) => item.score < threshold);
  const where = (item: ResilienceEvidence): string => (scores.length === 1 ? '' : ` (${sourceLabel(item.source)})`);
  if (low.length > 0) {
    return fail(listSome(low.map((item) => `resilience score ${formatNumber(item.score)} < ${formatNumber(threshold)}${where(item)}`)), facts);
  }
  const list = scores.map((item) => `${formatNumber(item.score)}${where(item)}`).join(', ');
  return pass(`resilience score ${list} ≥ ${formatNumber(threshold)}`, facts);
};
