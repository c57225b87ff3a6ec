import type { TextPattern } from './security-check.js';

/** The regular expression a pattern stands for; a substring is escaped. */
export function compileTextPattern(pattern: TextPattern, ignoreCase: boolean): RegExp {
  const source = pattern.regex ? pattern.text : pattern.text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(source, ignoreCase ? 'i' : '');
}

/** Why a regular expression written in a planning file does not compile; `undefined` when it does. */
export function describeRegexProblem(text: string): string | undefined {
  if (text === '') return 'a pattern must not be empty';
  try {
    new RegExp(text);
    return undefined;
  } catch (error) {
    return `not a valid regular expression: ${error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error)}`;
  }
}

/** The pattern as a person reads it in a message: `/regex/` or `"substring"`. */
export function showTextPattern(pattern: TextPattern): string {
  const text = pattern.text.length > 80 ? `${pattern.text.slice(0, 77)}...` : pattern.text;
  return pattern.regex ? `/${text}/` : JSON.stringify(text);
}
