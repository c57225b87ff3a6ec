/** Edit distance between two strings (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidate closest to `wanted`, if it is close enough to be a likely typo
 * (case-insensitive, at most a third of the length apart, and never wholly different).
 *
 * @example closestMatch('BookingFlw', ['BookingFlow', 'Auth.Login']) === 'BookingFlow'
 */
export function closestMatch(wanted: string, candidates: Iterable<string>): string | undefined {
  const target = wanted.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(target, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // Never suggest a name that shares nothing with the wanted one: `k0` is not a typo of `id`.
  const limit = Math.min(Math.max(2, Math.ceil(wanted.length / 3)), wanted.length - 1);
  return bestDistance <= limit ? best : undefined;
}

/** ` (did you mean X?)` for the candidate closest to `wanted`, or '' when none is a likely typo. */
export function didYouMean(wanted: string, candidates: Iterable<string>): string {
  const suggestion = closestMatch(wanted, candidates);
  return suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`;
}
