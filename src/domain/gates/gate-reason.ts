import type { ScopeEvidence } from '../evidence/scope-evidence.js';

/** How many items a reason names before it says "and N more". */
const namedInReason = 5;
/** How many items a result's evidence lists at most. */
export const listedInEvidence = 50;

/** A percentage as people write it: `84%`, `84.5%` (two decimals at most). */
export function formatPercent(value: number): string {
  return `${formatNumber(value)}%`;
}

/** A number with two decimals at most. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** `1 pull request`, `3 pull requests`. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/**
 * The first few items joined by `separator`, then `and N more`.
 *
 * @example listSome(['a', 'b', 'c', 'd', 'e', 'f', 'g'], ', ') === 'a, b, c, d, e and 2 more'
 */
export function listSome(items: readonly string[], separator = '; '): string {
  if (items.length <= namedInReason) return items.join(separator);
  return `${items.slice(0, namedInReason).join(separator)} and ${items.length - namedInReason} more`;
}

/** At most `listedInEvidence` items, for a result's evidence. */
export function capped<T>(items: readonly T[]): T[] {
  return items.slice(0, listedInEvidence);
}

/** `sprint sprint-3`, `milestone mvp-core`. */
export function scopeLabel(evidence: ScopeEvidence): string {
  return `${evidence.scope.kind} ${evidence.scope.id}`;
}

/** ` (1 deferred: Notification.Email.Send)`, or nothing. */
export function deferredNote(deferred: readonly string[]): string {
  return deferred.length === 0 ? '' : ` (${deferred.length} deferred: ${listSome(deferred, ', ')})`;
}

/** The source of an audit or score as a phrase: `sprint-4`, or `the scope` when it has none. */
export function sourceLabel(source: string): string {
  return source === '' ? 'the scope' : source;
}
