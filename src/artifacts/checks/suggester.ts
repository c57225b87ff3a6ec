import { didYouMean } from '../../domain/text/closest-match.js';

/** Gives "did you mean" hints, within a budget. */
export type Suggester = (wanted: string) => string;

/**
 * A did-you-mean helper over a fixed set of names that stops suggesting once it has made
 * `maxComparisons` name comparisons: each lookup compares against every name, so thousands of
 * unknown references against thousands of names would otherwise take minutes. With a few hundred
 * names, every reference still gets its suggestion. Returns ` (did you mean X?)` or ''.
 */
export function createSuggester(names: readonly string[], maxComparisons = 200_000): Suggester {
  let remaining = maxComparisons;
  return (wanted) => {
    if (remaining < names.length) return '';
    remaining -= names.length;
    return didYouMean(wanted, names);
  };
}
