import type { JsonObject } from '../events/envelope.js';
import { own } from '../evidence/read-json.js';
import type { GateWaiver, ScopeEvidence } from '../evidence/scope-evidence.js';
import { didYouMean } from '../text/closest-match.js';
import { allPullRequestsMerged } from './evaluators/all-pull-requests-merged.js';
import { expr } from './evaluators/expr.js';
import type { GateEvaluator } from './evaluators/gate-evaluator.js';
import { allSprintsClosed, allStreamsReady, blueprintValidated } from './evaluators/lifecycle-gates.js';
import { resilienceScoreAbove } from './evaluators/resilience-score-above.js';
import { jwtValidationInPlace, noCriticalFindings, spanTemplatesVerified, traceSpanPolicyCheck } from './evaluators/security-gates.js';
import { testCoverageAbove } from './evaluators/test-coverage-above.js';
import { testsPassed } from './evaluators/tests-passed.js';
import { traceMatrixComplete } from './evaluators/trace-matrix-complete.js';
import { gateNames, type GateRef } from './gate-catalog.js';
import type { GateResult, GatesOutcome, GateVerdict } from './gate-result.js';

/** The evaluator of each catalog gate, by its catalog name. */
const evaluators: Readonly<Record<string, GateEvaluator>> = {
  allPullRequestsMerged,
  testsPassed,
  testCoverageAbove,
  blueprintValidated,
  traceMatrixComplete,
  resilienceScoreAbove,
  noCriticalFindings,
  jwtValidationInPlace,
  spanTemplatesVerified,
  traceSpanPolicyCheck,
  allSprintsClosed,
  allStreamsReady,
  expr,
};

/** Is there an evaluator for this catalog name? */
export function hasGateEvaluator(gate: string): boolean {
  return own(evaluators, gate) !== undefined;
}

/**
 * Decides one gate over the evidence of a scope: passed or failed, with a reason a person reads and
 * the evidence behind it. Never throws: an unknown gate or a broken parameter is a failed gate.
 *
 * @example evaluateGate({ gate: 'testCoverageAbove', written: 'testCoverageAbove90', param: 90 }, evidence)
 * // { passed: false, reason: 'BookingFlow coverage 84% < 90%', … }
 */
export function evaluateGate(ref: GateRef, evidence: ScopeEvidence): GateResult {
  const evaluator = own(evaluators, ref.gate);
  const found = evaluator === undefined ? unknownGate(ref) : safely(evaluator, evidence, ref);
  const waiver = evidence.waivers?.[ref.written] ?? evidence.waivers?.[ref.gate];
  const verdict = waiver === undefined || found.passed ? found : waived(found, waiver);
  const result: GateResult = { gate: ref.gate, written: ref.written, passed: verdict.passed, reason: verdict.reason, evidence: verdict.evidence };
  if (ref.param !== undefined) result.param = ref.param;
  return result;
}

/**
 * Decides every gate of a list, in order; `passed` when all pass (an empty list passes: nothing
 * guards the transition).
 */
export function evaluateGates(refs: readonly GateRef[], evidence: ScopeEvidence): GatesOutcome {
  const results = refs.map((ref) => evaluateGate(ref, evidence));
  return { passed: results.every((result) => result.passed), results };
}

/** A failing gate a person waived: it passes, saying who waived it, why, and what it would have said. */
function waived(found: GateVerdict, waiver: GateWaiver): GateVerdict {
  return {
    passed: true,
    reason: `waived by ${waiver.by}: ${waiver.reason} (without the waiver: ${found.reason})`,
    evidence: { waivedBy: waiver.by, waiverReason: waiver.reason, waivedAt: waiver.position, bypassed: found.reason },
  };
}

function unknownGate(ref: GateRef): GateVerdict {
  return { passed: false, reason: `unknown gate ${ref.gate}${didYouMean(ref.gate, gateNames)}`, evidence: {} };
}

/** Evaluators do not throw; if one ever does, the gate fails closed rather than the caller crashing. */
function safely(evaluator: GateEvaluator, evidence: ScopeEvidence, ref: GateRef): GateVerdict {
  try {
    return evaluator(evidence, ref);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const facts: JsonObject = { error: message };
    return { passed: false, reason: `gate ${ref.written} could not be evaluated: ${message}`, evidence: facts };
  }
}
