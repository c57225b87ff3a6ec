import type { GateRef } from '../gate-catalog.js';

/** The numeric parameter of a gate (`testCoverageAbove: 90`), or `undefined` when it has none usable. */
export function numberParam(ref: GateRef): number | undefined {
  return typeof ref.param === 'number' && Number.isFinite(ref.param) ? ref.param : undefined;
}
