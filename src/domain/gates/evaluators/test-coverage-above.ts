import type { JsonObject } from '../../events/envelope.js';
import { workOf } from '../../evidence/feature-links.js';
import { requiredFeatures } from '../../evidence/required-features.js';
import { capped, count, deferredNote, formatPercent, listSome, scopeLabel } from '../gate-reason.js';
import { fail, pass } from '../gate-result.js';
import type { GateEvaluator } from './gate-evaluator.js';
import { numberParam } from './number-param.js';

/**
 * `testCoverageAbove: N` (also `testCoverageAbove90`): the latest coverage of every required
 * feature is at least N percent. A feature without a coverage report fails the gate; a scope-wide
 * report (naming no feature) does not stand in for it, but is mentioned. A scope that declares no
 * features is judged on every feature its events name and on the scope-wide report.
 */
export const testCoverageAbove: GateEvaluator = (evidence, ref) => {
  const threshold = numberParam(ref);
  if (threshold === undefined) return fail(`${ref.written} needs a number, as in \`testCoverageAbove: 90\``);
  const { required, deferred, declared } = requiredFeatures(evidence);
  const scopeWide = evidence.unattributed.coverage?.percent;
  const problems: string[] = [];
  const rows: JsonObject[] = [];
  let lowest: { label: string; percent: number } | undefined;
  const judge = (label: string, percent: number | undefined): void => {
    rows.push({ featureId: label, coverage: percent ?? null });
    if (percent === undefined) {
      const hint = scopeWide === undefined ? '' : ` (a scope-wide ${formatPercent(scopeWide)} names no feature)`;
      problems.push(`${label}: no coverage reported${hint}`);
      return;
    }
    if (percent < threshold) problems.push(`${label} coverage ${formatPercent(percent)} < ${formatPercent(threshold)}`);
    if (lowest === undefined || percent < lowest.percent) lowest = { label, percent };
  };
  for (const featureId of required) judge(featureId, workOf(evidence, featureId).coverage?.percent);
  if (!declared && scopeWide !== undefined) judge(scopeLabel(evidence), scopeWide);
  const facts: JsonObject = { threshold, features: capped(rows), deferred: capped(deferred) };
  if (problems.length > 0) return fail(listSome(problems), facts);
  if (lowest === undefined) {
    const why = declared && required.length === 0 ? `all ${count(deferred.length, 'in-scope feature')} deferred and ` : '';
    return fail(`${why}no coverage reported for ${scopeLabel(evidence)}`, facts);
  }
  const subject = rows.length === 1 ? String(rows[0]?.['featureId']) : `${count(rows.length, 'feature')}`;
  const lowestNote = rows.length === 1 ? formatPercent(lowest.percent) : `lowest ${lowest.label} ${formatPercent(lowest.percent)}`;
  return pass(`coverage of ${subject} ≥ ${formatPercent(threshold)} (${lowestNote})${deferredNote(deferred)}`, facts);
};
