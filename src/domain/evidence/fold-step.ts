import { canonicalJson } from '../events/canonical-json.js';
import type { ResolvedEvent } from './evidence-event.js';
import type { ScopeEvidence } from './scope-evidence.js';

/**
 * Folds one kind of evidence event: the new evidence (the same object when nothing changed), or the
 * reason the event cannot be used.
 */
export type FoldStep = (evidence: ScopeEvidence, event: ResolvedEvent) => ScopeEvidence | string;

/**
 * Which of two records of one thing wins: the higher `rank`s, in order; on a full tie the one whose
 * `tieKey` (canonical JSON by default) sorts first. A total order, so folding does not depend on the order events arrive in.
 */
export function prefer<T>(
  existing: T,
  incoming: T,
  rank: (item: T) => readonly number[],
  tieKey: (item: T) => string = canonicalJson,
): T {
  const a = rank(existing);
  const b = rank(incoming);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (b[i] ?? 0) - (a[i] ?? 0);
    if (difference !== 0) return difference > 0 ? incoming : existing;
  }
  return tieKey(incoming) < tieKey(existing) ? incoming : existing;
}

/** A sort key that orders by log position, then by `tail`. */
export function positionKey(position: number, tail: string): string {
  return `${String(position).padStart(16, '0')}\u0000${tail}`;
}
