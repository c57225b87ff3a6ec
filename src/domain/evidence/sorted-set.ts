/**
 * Sorted, duplicate-free arrays keyed by a string: what keeps evidence compact and the fold
 * independent of the order events arrive in.
 */

/** Index of `key` in `items` (sorted by `keyOf`), or `-(insertion point) - 1` when absent. */
function search<T>(items: readonly T[], key: string, keyOf: (item: T) => string): number {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = keyOf(items[middle] as T);
    if (found === key) return middle;
    if (found < key) low = middle + 1;
    else high = middle - 1;
  }
  return -low - 1;
}

/**
 * `items` with `item` added in key order; when an item of the same key is there, it becomes
 * `merge(existing, item)`. Returns `items` itself when nothing changes; never changes `items` in place.
 */
export function upsertSorted<T>(items: T[], item: T, keyOf: (item: T) => string, merge: (existing: T, incoming: T) => T): T[] {
  const index = search(items, keyOf(item), keyOf);
  if (index >= 0) {
    const existing = items[index] as T;
    const merged = merge(existing, item);
    if (merged === existing) return items;
    return items.with(index, merged);
  }
  // An exact-size copy: a copy grown by `splice` keeps spare capacity for the life of the evidence.
  return items.toSpliced(-index - 1, 0, item);
}

/** `items` (sorted strings) with `item` added; `items` itself when it is already there. */
export function addSorted(items: string[], item: string): string[] {
  return upsertSorted(items, item, (text) => text, (existing) => existing);
}

/** The item of `key`, if present. */
export function findSorted<T>(items: readonly T[], key: string, keyOf: (item: T) => string): T | undefined {
  const index = search(items, key, keyOf);
  return index >= 0 ? items[index] : undefined;
}
