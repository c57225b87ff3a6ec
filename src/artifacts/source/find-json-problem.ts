import { visit, type Document } from 'yaml';

/** Where and why text that parsed as YAML is not JSON. */
export interface JsonProblem {
  offset: number;
  message: string;
}

const jsonLiteral = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)$/;

/**
 * Finds what makes a `.json` file YAML but not JSON. Missing values, unquoted text and
 * single-quoted strings are located from the parsed document; anything else (a trailing comma, a
 * comment) is left to `JSON.parse`, whose message carries no position on Node 20, so it is
 * reported at the start of the file.
 */
export function findJsonProblem(document: Document, text: string): JsonProblem | undefined {
  let problem: JsonProblem | undefined;
  visit(document, {
    Scalar(_key, scalar) {
      const [start, end] = scalar.range ?? [0, 0];
      const written = text.slice(start, end);
      if (scalar.type === 'QUOTE_SINGLE') problem = { offset: start, message: 'strings need double quotes' };
      else if (scalar.type === 'PLAIN' && written === '') problem = { offset: start, message: 'a value is missing here' };
      else if (scalar.type === 'PLAIN' && !jsonLiteral.test(written)) problem = { offset: start, message: `text ${written} needs double quotes` };
      else if (scalar.type === 'BLOCK_FOLDED' || scalar.type === 'BLOCK_LITERAL') problem = { offset: start, message: 'block scalars are YAML, not JSON' };
      return problem === undefined ? undefined : visit.BREAK;
    },
  });
  return problem ?? parseProblem(text);
}

function parseProblem(text: string): JsonProblem | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    const position = /at position (\d+)/.exec(message);
    return { offset: position === null ? 0 : Number(position[1]), message: message.replace(/, (?:"|\.\.\.)[\s\S]*$/, '').replace(/ in JSON at position \d+.*$/, '') };
  }
}
