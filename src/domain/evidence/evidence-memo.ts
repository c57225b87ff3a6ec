import type { ScopeEvidence } from './scope-evidence.js';

/**
 * A value computed from a scope's evidence, remembered until the evidence changes. Evidence copied
 * in a fold batch is updated in place (see `inBatch`), so the object alone does not say it is the
 * same; its `lastPosition`, which every fold step moves forward, does.
 *
 * @example const requiredOf = evidenceMemo((evidence) => computeRequired(evidence));
 */
export function evidenceMemo<T>(compute: (evidence: ScopeEvidence) => T): (evidence: ScopeEvidence) => T {
  const memo = new WeakMap<ScopeEvidence, { position: number; value: T }>();
  return (evidence) => {
    const known = memo.get(evidence);
    if (known !== undefined && known.position === evidence.lastPosition) return known.value;
    const value = compute(evidence);
    memo.set(evidence, { position: evidence.lastPosition, value });
    return value;
  };
}
