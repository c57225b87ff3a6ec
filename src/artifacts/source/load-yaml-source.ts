import { isScalar, LineCounter, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import type { Diagnostic } from '../../domain/errors/index.js';
import { findAliasProblems } from './find-alias-problems.js';
import { findDeepValue } from './find-deep-value.js';
import { findExcessiveNesting } from './find-excessive-nesting.js';
import { findJsonProblem } from './find-json-problem.js';
import { lineColumnAt } from './line-column-at.js';
import type { LoadedSource } from './loaded-source.js';
import type { SourceLimits } from './source-limits.js';

/** Most nodes a document may expand to (through aliases) before it is refused. */
const maxExpandedNodes = 200_000;

/**
 * Parses YAML or JSON text into one document with line/column bookkeeping, refusing hostile or
 * broken input with located errors instead of throwing: empty files, nesting past the limit
 * (checked before the recursive parser runs), syntax errors, duplicate keys (at the second key),
 * more than one document, alias bombs and circular aliases, and, for `.json` files, text that is
 * YAML but not JSON. Duplicate keys alone leave the document readable, so its other problems are
 * reported too.
 */
export function loadYamlSource(text: string, file: string, limits: SourceLimits): LoadedSource {
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const unreadable = (document?: Document.Parsed): LoadedSource => ({ file, document, lineCounter, value: undefined, readable: false, diagnostics });
  const errorAt = (offset: number, message: string): void => {
    const at = lineColumnAt(text, offset);
    diagnostics.push({ severity: 'error', file, line: at.line, column: at.column, message, path: '' });
  };

  if (text.trim() === '') {
    errorAt(0, 'file is empty');
    return unreadable();
  }
  const nesting = findExcessiveNesting(text, limits.maxDepth);
  if (nesting !== undefined) {
    errorAt(nesting.offset, `nested deeper than ${limits.maxDepth} levels; planning files are never this deep`);
    return unreadable();
  }

  let document: Document.Parsed;
  try {
    document = parseDocument(text, { lineCounter, prettyErrors: false, version: '1.2', stringKeys: true, uniqueKeys: true });
  } catch (error) {
    errorAt(0, `cannot parse: ${error instanceof Error ? error.message : String(error)}`);
    return unreadable();
  }
  for (const error of document.errors) errorAt(error.pos[0], describeYamlError(error, document, text));
  for (const warning of document.warnings) {
    const at = lineColumnAt(text, warning.pos[0]);
    diagnostics.push({ severity: 'warning', file, line: at.line, column: at.column, message: warning.message, path: '' });
  }
  if (document.errors.some((error) => error.code !== 'DUPLICATE_KEY')) return unreadable(document);
  if (document.contents === null) {
    errorAt(0, 'file holds only comments: no content');
    return unreadable(document);
  }

  const aliases = findAliasProblems(document);
  for (const problem of aliases.problems) errorAt(problem.offset, problem.message);
  if (aliases.problems.length > 0) return unreadable(document);

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    errorAt(
      aliases.firstAliasOffset ?? 0,
      /alias count/i.test(message)
        ? `aliases expand to too much data (more than ${limits.maxAliasCount} alias expansions): refused as a possible alias bomb`
        : `cannot read the document: ${message}`,
    );
    return unreadable(document);
  }
  if (aliases.firstAliasOffset !== undefined) {
    const problem = findDeepValue(value, limits.maxDepth, maxExpandedNodes);
    if (problem !== undefined) {
      errorAt(
        aliases.firstAliasOffset,
        problem === 'too-deep'
          ? `aliases make the data nest deeper than ${limits.maxDepth} levels`
          : `aliases expand the data to more than ${maxExpandedNodes} nodes: refused as a possible alias bomb`,
      );
      return unreadable(document);
    }
  }
  if (file.toLowerCase().endsWith('.json')) {
    const problem = findJsonProblem(document, text);
    if (problem !== undefined) {
      errorAt(problem.offset, `not valid JSON: ${problem.message}`);
      return unreadable(document);
    }
  }
  return { file, document, lineCounter, value, readable: true, diagnostics };
}

function describeYamlError(error: YAMLError, document: Document.Parsed, text: string): string {
  if (error.code === 'MULTIPLE_DOCS') return 'a second YAML document starts here; a planning file holds exactly one';
  if (error.code === 'DUPLICATE_KEY') return describeDuplicateKey(error.pos[0], document, text);
  return error.message;
}

function describeDuplicateKey(offset: number, document: Document.Parsed, text: string): string {
  let description = 'duplicate key';
  visit(document, {
    Map(_key, map) {
      const index = map.items.findIndex((pair) => isScalar(pair.key) && pair.key.range?.[0] === offset);
      if (index === -1) return undefined;
      const repeated = map.items[index]?.key;
      const name = isScalar(repeated) ? String(repeated.value) : '';
      const first = map.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === name);
      const firstOffset = isScalar(first?.key) ? first.key.range?.[0] : undefined;
      const where = firstOffset === undefined ? '' : ` (first at line ${lineColumnAt(text, firstOffset).line})`;
      description = `duplicate key ${name}${where}: a key may appear only once in a map`;
      return visit.BREAK;
    },
  });
  return description;
}
