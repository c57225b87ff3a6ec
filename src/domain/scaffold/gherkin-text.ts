/** Longest scenario name written before it is shortened; the full criterion stays in the steps. */
export const maxScenarioNameLength = 100;

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Control characters, line and paragraph separators and every JS whitespace run become one space:
// Gherkin is line-based and trims with the same `\s`, so what we write is what the parser reads back.
const blank = /[\p{Cc}\p{Zl}\p{Zp}\s]+/gu;

/**
 * Text fit for one Gherkin line: lone surrogates (which UTF-8 cannot hold) become U+FFFD, control
 * characters and whitespace runs become one space, and the ends are trimmed. Non-ASCII text is kept.
 *
 * @example gherkinLine('Customer\n receives\tan email ') // 'Customer receives an email'
 */
export function gherkinLine(text: string): string {
  return text.replace(loneSurrogate, '\uFFFD').replace(blank, ' ').trim();
}

/** The lines of a multi-line text, each made fit by {@link gherkinLine}, blank ones dropped. */
export function gherkinLines(text: string): string[] {
  return text
    .split(/\r\n|[\n\r\u2028\u2029\u0085\v\f]/)
    .map(gherkinLine)
    .filter((line) => line.length > 0);
}

// In a description the parser reads these line starts as a tag line (`@`), a comment that would be
// dropped (`#`), or a new block (`Scenario:`, `Example:`, `Background:`, `Rule:` and the outline
// forms). `|`, `"""`, step keywords and `Feature:` are plain text there (checked against the parser).
const descriptionHazard = /^(?:@|#|(?:Scenario Outline|Scenario Template|Scenario|Example|Background|Rule):)/;

/**
 * One description (narrative) line: fit for a line, and prefixed with a backslash when Gherkin
 * would otherwise read it as a tag, a comment or a new scenario. The backslash is kept as text.
 */
export function descriptionLine(text: string): string {
  const line = gherkinLine(text);
  return descriptionHazard.test(line) ? `\\${line}` : line;
}

/**
 * A scenario name of at most {@link maxScenarioNameLength} code points: longer text is cut at the
 * last space in its second half (else mid-word) and ends with `…`.
 */
export function scenarioName(text: string): string {
  const line = gherkinLine(text);
  const points = [...line];
  if (points.length <= maxScenarioNameLength) return line;
  const head = points.slice(0, maxScenarioNameLength - 1).join('');
  const space = head.lastIndexOf(' ');
  const cut = space >= head.length / 2 ? head.slice(0, space) : head;
  return `${cut.trimEnd()}…`;
}
