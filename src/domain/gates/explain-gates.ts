import type { GateResult } from './gate-result.js';

/** Options of `explainGates`. */
export interface ExplainGatesOptions {
  /** Leave passed gates out (what `kairos status` shows for "why is this not moving?"). Default false. */
  failedOnly?: boolean;
}

/** `explainGates` options with defaults filled. */
export function resolveExplainGatesOptions(options: ExplainGatesOptions = {}): Required<ExplainGatesOptions> {
  return { failedOnly: options.failedOnly ?? false };
}

/**
 * One line per gate result, in order: the gate as written, passed or failed, and why.
 *
 * @example explainGates(results) // ['testCoverageAbove90: failed — BookingFlow coverage 84% < 90%', 'resilienceScoreAbove: 85: passed — resilience score 91 ≥ 85']
 */
export function explainGates(results: readonly GateResult[], options?: ExplainGatesOptions): string[] {
  const { failedOnly } = resolveExplainGatesOptions(options);
  return results.filter((result) => !failedOnly || !result.passed).map((result) => `${gateLabel(result)}: ${result.passed ? 'passed' : 'failed'} — ${result.reason}`);
}

/** The gate as the planning file wrote it: `testCoverageAbove90`, `resilienceScoreAbove: 85`, `expr: "…"`. */
export function gateLabel(result: Pick<GateResult, 'written' | 'param'>): string {
  // `testCoverageAbove90` carries its parameter in its name.
  if (result.param === undefined || /^testCoverageAbove\d+$/.test(result.written)) return result.written;
  return typeof result.param === 'string' && result.written === 'expr' ? `expr: ${JSON.stringify(result.param)}` : `${result.written}: ${result.param}`;
}
