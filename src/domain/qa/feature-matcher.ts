import { nameTokens } from './name-tokens.js';

/** What a feature is called: its id and title, each as words. */
export interface FeatureNames {
  featureId: string;
  /** Each name as words (`BookingFlow` → `['booking', 'flow']`); empty names are left out. */
  phrases: string[][];
}

/** The names a test report may know a feature by: its id and its title. */
export function featureNames(feature: { id: string; title?: string }): FeatureNames {
  const phrases: string[][] = [];
  for (const name of [feature.id, feature.title ?? '']) {
    const words = nameTokens(name);
    if (words.length > 0 && !phrases.some((seen) => seen.join(' ') === words.join(' '))) phrases.push(words);
  }
  return { featureId: feature.id, phrases };
}

/** Finds which features a test case, suite or source file names. */
export interface FeatureMatcher {
  /**
   * The features whose id or title appears, as whole consecutive words, in one of `texts`; when
   * several do, those with the longest name found (`Booking Flow Email` beats `Booking Flow`),
   * all of them on a tie. Sorted; empty when none appears.
   */
  match(texts: readonly string[]): string[];
}

interface Phrase {
  featureId: string;
  words: readonly string[];
}

/**
 * A matcher over `candidates`, indexed by first word so a case is checked against the few names
 * that could start at each of its words, not against every feature of the backlog.
 *
 * @example createFeatureMatcher([featureNames({ id: 'BookingFlow' })]).match(['booking flow > rejects a past date']) // ['BookingFlow']
 */
export function createFeatureMatcher(candidates: readonly FeatureNames[]): FeatureMatcher {
  const byFirstWord = new Map<string, Phrase[]>();
  for (const candidate of candidates) {
    for (const words of candidate.phrases) {
      const first = words[0] as string;
      const list = byFirstWord.get(first);
      const phrase = { featureId: candidate.featureId, words };
      if (list === undefined) byFirstWord.set(first, [phrase]);
      else list.push(phrase);
    }
  }
  return {
    match(texts) {
      let best = 0;
      let found = new Set<string>();
      for (const text of texts) {
        const words = nameTokens(text);
        for (let start = 0; start < words.length; start += 1) {
          for (const phrase of byFirstWord.get(words[start] as string) ?? []) {
            if (phrase.words.length < best || !startsAt(words, start, phrase.words)) continue;
            if (phrase.words.length > best) {
              best = phrase.words.length;
              found = new Set();
            }
            found.add(phrase.featureId);
          }
        }
      }
      return [...found].sort();
    },
  };
}

function startsAt(words: readonly string[], start: number, phrase: readonly string[]): boolean {
  if (start + phrase.length > words.length) return false;
  for (let offset = 0; offset < phrase.length; offset += 1) if (words[start + offset] !== phrase[offset]) return false;
  return true;
}
