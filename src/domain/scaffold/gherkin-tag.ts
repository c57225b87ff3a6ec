/** Longest tag body (after `@`) written; longer values are cut. */
export const maxTagLength = 80;

/**
 * A Gherkin tag for a value, or `undefined` when nothing is left of it. The rule: letters and digits
 * of any script, `_`, `-` and `.` are kept; every other run of characters (spaces, `@`, `#`, `:`,
 * `/`, …) becomes one `-`; leading and trailing `-` are dropped; the body is cut to
 * {@link maxTagLength} code points. With a `prefix` (`sprint`), the tag is `@sprint-<value>` unless
 * the value already starts with `<prefix>-`, so `sprint-3` and `3` both give `@sprint-3`.
 *
 * @example gherkinTag('Booking Service') // '@Booking-Service'
 * @example gherkinTag('abc123', 'trace') // '@trace-abc123'
 */
export function gherkinTag(value: string, prefix?: string): string | undefined {
  const body = tagBody(value);
  if (body === '') return undefined;
  if (prefix === undefined || body.toLowerCase().startsWith(`${prefix.toLowerCase()}-`)) return `@${cut(body)}`;
  return `@${cut(`${prefix}-${body}`)}`;
}

function tagBody(value: string): string {
  return value
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}_.-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}

function cut(body: string): string {
  const points = [...body];
  return points.length <= maxTagLength ? body : points.slice(0, maxTagLength).join('').replace(/-+$/, '');
}
