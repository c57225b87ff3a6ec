import type { JsonObject } from '../events/envelope.js';
import { gateLabel } from '../gates/explain-gates.js';
import type { GateResult } from '../gates/gate-result.js';

/**
 * Gate results as an event carries them: the gate as written, the verdict and the reason; the
 * evidence only for failed gates (what a person needs to act on).
 */
export function gateSummary(results: readonly GateResult[]): JsonObject[] {
  return results.map((result) => {
    const summary: JsonObject = { gate: gateLabel(result), passed: result.passed, reason: result.reason };
    if (!result.passed) summary['evidence'] = result.evidence;
    return summary;
  });
}
