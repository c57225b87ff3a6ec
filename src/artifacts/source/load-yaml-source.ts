import { LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import type { Diagnostic } from '../../domain/errors/index.js';
import { findAliasProblems } from './find-alias-problems.js';
import { findDeepValue } from './find-deep-value.js';
import { findDuplicateKeys } from './find-duplicate-keys.js';
import { findExcessiveNesting } from './find-excessive-nesting.js';
import { findJsonProblem } from './find-json-problem.js';
import { lineColumnAt, type LineColumn } from './line-column-at.js';
import { hiddenProblems, limitProblems } from './limit-problems.js';
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
  let parsed = false;
  // Once parsed, the line counter answers by binary search; before, one linear scan is all it takes.
  const position = (offset: number): LineColumn => {
    if (!parsed) return lineColumnAt(text, offset);
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const errorAt = (offset: number, message: string): void => {
    const at = position(offset);
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
    document = parseDocument(text, { lineCounter, prettyErrors: false, version: '1.2', stringKeys: true, uniqueKeys: false });
    parsed = true;
  } catch (error) {
    errorAt(0, `cannot parse: ${error instanceof Error ? error.message : String(error)}`);
    return unreadable();
  }
  const errors = limitProblems(document.errors);
  for (const error of errors.shown) errorAt(error.pos[0], describeYamlError(error));
  if (errors.hidden > 0) diagnostics.push(hiddenProblems(file, errors.hidden, 'error'));
  for (const warning of limitProblems(document.warnings).shown) {
    const at = position(warning.pos[0]);
    diagnostics.push({ severity: 'warning', file, line: at.line, column: at.column, message: warning.message, path: '' });
  }
  if (document.errors.length > 0) return unreadable(document);
  const duplicates = limitProblems(findDuplicateKeys(document));
  for (const duplicate of duplicates.shown) {
    errorAt(duplicate.offset, `duplicate key ${duplicate.name} (first at line ${position(duplicate.firstOffset).line}): a key may appear only once in a map`);
  }
  if (duplicates.hidden > 0) diagnostics.push(hiddenProblems(file, duplicates.hidden, 'error'));
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

function describeYamlError(error: YAMLError): string {
  if (error.code === 'MULTIPLE_DOCS') return 'a second YAML document starts here; a planning file holds exactly one';
  return error.message;
}
