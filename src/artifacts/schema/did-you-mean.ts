import { closestMatch, editDistance } from '../../domain/text/closest-match.js';

/**
 * ` (did you mean X?)` for the candidate closest to `wanted`, or '' when none is a likely typo.
 * Stricter than `closestMatch` alone for short names: `k0` is not a typo of `id`.
 */
export function didYouMean(wanted: string, candidates: Iterable<string>): string {
  const suggestion = closestMatch(wanted, candidates);
  if (suggestion === undefined) return '';
  return editDistance(wanted.toLowerCase(), suggestion.toLowerCase()) < wanted.length ? ` (did you mean ${suggestion}?)` : '';
}
