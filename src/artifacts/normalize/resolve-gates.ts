import { parseGateCondition, type GateRef } from '../../domain/gates/gate-catalog.js';

/** Gate conditions as written, resolved against the catalog (already validated, so none is dropped). */
export function resolveGates(conditions: readonly unknown[]): GateRef[] {
  const refs: GateRef[] = [];
  for (const condition of conditions) {
    const parsed = parseGateCondition(condition);
    if (parsed.ok) refs.push(parsed.ref);
  }
  return refs;
}
