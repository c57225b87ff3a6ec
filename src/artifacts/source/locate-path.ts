import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { LineColumn } from './line-column-at.js';
import type { LoadedSource } from './loaded-source.js';
import type { PathSegment } from './format-path.js';

/** What to point at: the value at the path, or the key that holds it (for unknown keys). */
export type LocationTarget = 'value' | 'key';

interface Found {
  node: Node | null | undefined;
  key: Node | undefined;
  complete: boolean;
}

/**
 * The line and column of the node at `path` in a parsed document. A path that stops early (a
 * missing key) points at the deepest node that exists, which is the map the key is missing from.
 */
export function locatePath(source: LoadedSource, path: readonly PathSegment[], target: LocationTarget = 'value'): LineColumn {
  const document = source.document;
  if (document === undefined) return { line: 1, column: 1 };
  const found = walk(document.contents, path, document);
  const keyStart = found.key?.range?.[0];
  const nodeStart = found.node?.range?.[0];
  const offset = found.complete && (target === 'key' || nodeStart === undefined) ? (keyStart ?? nodeStart) : (nodeStart ?? keyStart);
  if (offset === undefined) return { line: 1, column: 1 };
  const position = source.lineCounter.linePos(offset);
  return { line: position.line, column: position.col };
}

function walk(root: Node | null, path: readonly PathSegment[], document: Document): Found {
  let node: Node | null | undefined = root;
  let key: Node | undefined;
  for (const segment of path) {
    const current = resolveAlias(node, document);
    if (isMap(current)) {
      const pair = pairsByKey(current).get(String(segment));
      if (pair === undefined) return { node: current, key, complete: false };
      key = pair.key as Node;
      node = pair.value as Node | null;
    } else if (isSeq(current) && typeof segment === 'number' && segment < current.items.length) {
      key = undefined;
      node = current.items[segment] as Node | null;
    } else {
      return { node: current, key, complete: false };
    }
  }
  return { node, key, complete: true };
}

const keyIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/** A map's pairs by key, built once per map: locating thousands of problems in a large map stays linear. */
function pairsByKey(map: YAMLMap): Map<string, Pair> {
  let index = keyIndexes.get(map);
  if (index === undefined) {
    index = new Map();
    for (const pair of map.items) {
      if (isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), pair);
    }
    keyIndexes.set(map, index);
  }
  return index;
}

function resolveAlias(node: Node | null | undefined, document: Document): Node | null | undefined {
  return isAlias(node) ? node.resolve(document) : node;
}
