import { CST, Lexer } from 'yaml';

/** Where a document first nests deeper than allowed. */
export interface ExcessiveNesting {
  offset: number;
  depth: number;
}

const documentMarkers: ReadonlySet<string> = new Set(['doc-mode', 'doc-start', 'doc-end', 'byte-order-mark', 'directive-line']);
const blockIndicators: ReadonlySet<string> = new Set(['seq-item-ind', 'explicit-key-ind', 'map-value-ind']);

/**
 * Scans YAML (or JSON) tokens for nesting deeper than `maxDepth`, before anything recursive runs:
 * the parser recurses per level, and a megabyte of `[[[[` would otherwise exhaust the stack. The
 * scan stops at the first excess, so hostile input costs no more than the allowed depth. Block
 * nesting is estimated from indentation plus compact indicators (`- - x`) and may overcount by
 * one or two, which only matters near the limit.
 */
export function findExcessiveNesting(text: string, maxDepth: number): ExcessiveNesting | undefined {
  let offset = 0;
  let flowDepth = 0;
  const indents: number[] = [];
  let lineIndicators = 0;
  let lineIndent: number | undefined = 0;
  let scalarFollows = false;
  for (const token of new Lexer().lex(text)) {
    const start = offset;
    offset += token === CST.DOCUMENT || token === CST.FLOW_END || token === CST.SCALAR ? 0 : token.length;
    if (scalarFollows) {
      scalarFollows = false;
      continue;
    }
    if (token === CST.SCALAR) {
      scalarFollows = true;
      continue;
    }
    const type = CST.tokenType(token);
    if (type === 'newline') {
      lineIndicators = 0;
      lineIndent = 0;
      continue;
    }
    if (type !== null && documentMarkers.has(type)) continue;
    if (type === 'space' || type === 'comment') {
      if (type === 'space' && lineIndent === 0 && flowDepth === 0) lineIndent = token.length;
      continue;
    }
    const opensFlow = type === 'flow-seq-start' || type === 'flow-map-start';
    if (lineIndent !== undefined && flowDepth === 0 && !opensFlow) {
      while (indents.length > 0 && (indents.at(-1) ?? 0) > lineIndent) indents.pop();
      if (indents.at(-1) !== lineIndent) indents.push(lineIndent);
    }
    lineIndent = undefined;
    if (opensFlow) flowDepth += 1;
    else if (type === 'flow-seq-end' || type === 'flow-map-end') flowDepth = Math.max(0, flowDepth - 1);
    else if (type !== null && blockIndicators.has(type) && flowDepth === 0) lineIndicators += 1;
    const depth = indents.length + lineIndicators + flowDepth;
    if (depth > maxDepth) return { offset: start, depth };
  }
  return undefined;
}
