import type { GateRef } from '../gates/gate-catalog.js';

/**
 * The highest `testCoverageAbove: N` (or `testCoverageAbove90`) among gate conditions, or
 * `undefined` when none asks for coverage. The report marks a feature below it; the gate decides.
 *
 * @example coverageThreshold([{ gate: 'testCoverageAbove', written: 'testCoverageAbove90', param: 90 }]) // 90
 */
export function coverageThreshold(gates: readonly GateRef[]): number | undefined {
  let highest: number | undefined;
  for (const ref of gates) {
    if (ref.gate !== 'testCoverageAbove' || typeof ref.param !== 'number' || !Number.isFinite(ref.param)) continue;
    if (highest === undefined || ref.param > highest) highest = ref.param;
  }
  return highest;
}
