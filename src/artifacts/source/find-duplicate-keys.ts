import { isScalar, visit, type Document } from 'yaml';

/** A key written a second time in the same map. */
export interface DuplicateKey {
  /** Offset of the repeated key. */
  offset: number;
  name: string;
  /** Offset of its first occurrence. */
  firstOffset: number;
}

/**
 * Every repeated key of every map, in one pass with a lookup table per map. (The parser's own
 * check compares each key with all before it, which takes minutes on a large map.)
 */
export function findDuplicateKeys(document: Document): DuplicateKey[] {
  const duplicates: DuplicateKey[] = [];
  visit(document, {
    Map(_key, map) {
      const first = new Map<string, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || pair.key.range == null) continue;
        const name = String(pair.key.value);
        const offset = pair.key.range[0];
        const firstOffset = first.get(name);
        if (firstOffset === undefined) first.set(name, offset);
        else duplicates.push({ offset, name, firstOffset });
      }
    },
  });
  return duplicates;
}
