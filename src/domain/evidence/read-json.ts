/** A JSON object as read from an event's `data`: nothing about its members is trusted yet. */
export type JsonRecord = Readonly<Record<string, unknown>>;

/** Is `value` a plain JSON object (not an array, not null)? */
export function isRecord(value: unknown): value is JsonRecord {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The member `key` of `record` if it is the record's own: `__proto__`, `constructor` and the like
 * never resolve to something inherited.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Who may change a value in place during a fold batch (see `inBatch`):
 *
 * - a `WeakSet`: the values copied or made in the batch (or in earlier batches given the same set).
 *   Nobody outside has seen them yet, so setting a member in place is as good as copying: a batch
 *   of n events over a record of n keys costs O(n) instead of O(n²).
 * - `wholeFold`: the fold holds everything it reaches, so every value may be changed in place,
 *   except the frozen ones records share (`noItems`, `emptyDictionary`, compiled machines). For a
 *   replay into a fresh board that nothing else sees: it copies nothing and marks nothing.
 */
export type BatchOwnership = WeakSet<object> | typeof wholeFold;

/** The ownership of a fold that holds every value it reaches (see `BatchOwnership`). */
export const wholeFold: unique symbol = Symbol('wholeFold');

/** The running batch's ownership; outside a batch `undefined`, and every change copies. */
let batchOwned: BatchOwnership | undefined;

/**
 * Runs `fold` with copy-on-write records: a record copied during the run is reused for later
 * changes. `owned` carries that ownership over several runs (the pages of one replay, the life of
 * one orchestrator): give it only when the records copied are held by nothing but the one board
 * those runs fold into. Give `wholeFold` only when that board, and everything in it, is the
 * fold's alone (a replay into a fresh board).
 */
export function inBatch<T>(fold: () => T, owned: BatchOwnership = new WeakSet()): T {
  const previous = batchOwned;
  batchOwned = owned;
  try {
    return fold();
  } finally {
    batchOwned = previous;
  }
}

/** Is `value` the running batch's to change in place? */
function owns(value: object): boolean {
  if (batchOwned === undefined) return false;
  return batchOwned === wholeFold ? !Object.isFrozen(value) : batchOwned.has(value);
}

/** Marks a value the batch made as its own (nothing to mark when the fold owns everything). */
function markOwned(value: object): void {
  if (batchOwned !== undefined && batchOwned !== wholeFold) batchOwned.add(value);
}

/** `record` with `key` set (a copy, except for a record copied earlier in the same batch), written as an own member even for keys such as `__proto__`. */
export function withEntry<T>(record: Readonly<Record<string, T>>, key: string, value: T): Record<string, T> {
  const target = owns(record) ? (record as Record<string, T>) : copyRecord(record);
  setEntry(target, key, value);
  return target;
}

/**
 * A copy of a record, owned by the running batch if there is one. Copied key by key: V8 spreads
 * (`{ ...record }`) of large dictionary-mode objects slow down by orders of magnitude.
 */
export function copyRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const copy = dictionary<T>();
  for (const key of Object.keys(record)) setEntry(copy, key, record[key] as T);
  markOwned(copy);
  return copy;
}

/**
 * An empty record for keys that come from data (feature ids, sprint ids): no prototype, so no key
 * is inherited, and V8 keeps it as a hash table. A plain `{}` would get a hidden class per
 * distinct key set, and thousands of those make every lookup slow.
 */
export function dictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

const noEntries: Readonly<Record<string, never>> = Object.freeze(dictionary<never>());

/**
 * The one empty dictionary, frozen: what a record that may never get an entry starts with (an
 * empty dictionary costs a hash table of its own). `withEntry` copies it on the first entry.
 */
export function emptyDictionary<T>(): Readonly<Record<string, T>> {
  return noEntries;
}

/**
 * `record` with `changes` set: updated in place when it is a copy made earlier in the running
 * batch, else copied (the copy owned by the batch, if one runs). The one way folds change a
 * record's members, so a page of events copies each record once. `copy` makes the copy; records
 * kept by the thousand pass one that keeps their shape (see `withSprint`).
 */
export function withMembers<T extends object>(record: T, changes: Partial<T>, copy: (record: T) => T = spreadCopy): T {
  if (owns(record)) return Object.assign(record, changes);
  return ownedByBatch(Object.assign(copy(record), changes));
}

/** `record` with one member set: `withMembers` without building a changes object (the common case). */
export function withMember<T extends object, K extends keyof T>(record: T, key: K, value: T[K]): T {
  const target = owns(record) ? record : ownedByBatch(spreadCopy(record));
  target[key] = value;
  return target;
}

function spreadCopy<T extends object>(record: T): T {
  return { ...record };
}

const noValues: readonly never[] = Object.freeze([]);

/**
 * The one empty list, frozen: what a list that most records never fill starts with (thousands of
 * records hold several each). Every writer copies a list it did not make (`upsertSorted`,
 * `withItem`, spreads), so nothing writes to it; a writer that did would throw.
 */
export function noItems<T>(): T[] {
  return noValues as unknown as T[];
}

/** Is `value` a copy made in the running batch (so it may be changed in place)? */
export function isOwnedByBatch(value: object): boolean {
  return owns(value);
}

/** `list` with `item` appended: in place when the running batch made the list, else a copy (made by the batch). */
export function withItem<T>(list: readonly T[], item: T): readonly T[] {
  if (owns(list)) {
    (list as T[]).push(item);
    return list;
  }
  return ownedByBatch([...list, item]);
}

/**
 * `T` with every member required (optional ones may hold `undefined`): the type of a shape-stable
 * copy, so a member added to `T` and forgotten in its copy is a compile error, not a silent loss.
 */
export type EveryMember<T> = { [K in keyof Required<T>]: T[K] };

/** Marks a copy made by the caller as owned by the running batch, if there is one; returns it. */
export function ownedByBatch<T extends object>(value: T): T {
  markOwned(value);
  return value;
}

/** Sets an own member, even for keys such as `__proto__`. */
function setEntry<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

/** A non-empty string, trimmed; anything else gives `undefined`. */
export function readString(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed.length === 0 ? undefined : trimmed;
}

/** An identifier: a non-empty string, or a finite number written as a string (`42` → `"42"`). */
export function readId(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  return readString(value);
}

/** The first member of `keys` that holds a non-empty string. */
export function firstString(record: JsonRecord, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    // A plain read: what a record inherits (Object.prototype's members) is never a string.
    const found = readString(record[key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The first member of `keys` that holds an identifier (string or number). */
export function firstId(record: JsonRecord, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    // A plain read: what a record inherits is never a string or a number.
    const found = readId(record[key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A count: a non-negative integer, or a string holding one (`"12"`). */
export function readCount(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}

/** A yes/no: a boolean, or the strings `true`/`false`, `yes`/`no`. */
export function readFlag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  if (word === 'true' || word === 'yes') return true;
  if (word === 'false' || word === 'no') return false;
  return undefined;
}

/** Strings from a list (items that are not non-empty strings are dropped) or a single string. */
export function readStrings(value: unknown): string[] {
  if (Array.isArray(value)) {
    const out: string[] = [];
    for (const item of value) {
      const text = readString(item);
      if (text !== undefined) out.push(text);
    }
    return out;
  }
  const single = readString(value);
  return single === undefined ? [] : [single];
}

/**
 * The distinct strings of `record`: first those of `singleKeys` (a string each), then those of
 * `listKeys` (a list of strings, or one string), in the order met. Built without a set for the few
 * an event names (the fold reads one such list per event); a long list switches to one.
 */
export function distinctStrings(record: JsonRecord, singleKeys: readonly string[], listKeys: readonly string[]): string[] {
  const out: string[] = [];
  const seen = { set: undefined as Set<string> | undefined };
  for (const key of singleKeys) addDistinct(out, seen, record[key]);
  for (const key of listKeys) {
    const value = record[key];
    if (Array.isArray(value)) for (const item of value) addDistinct(out, seen, item);
    else addDistinct(out, seen, value);
  }
  return out;
}

function addDistinct(out: string[], seen: { set: Set<string> | undefined }, value: unknown): void {
  const text = readString(value);
  if (text === undefined) return;
  if (seen.set === undefined && out.length >= 16) seen.set = new Set(out);
  if (seen.set === undefined ? out.includes(text) : seen.set.has(text)) return;
  out.push(text);
  seen.set?.add(text);
}

/** The items of a list, or the value itself as a one-item list; nothing for `undefined`/`null`. */
export function readList(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

const percentText = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/;

/**
 * A percentage from 0 to 100, written as a number (`94`, `84.5`) or as the spec writes it (`"94%"`).
 * Fractions are not rescaled: `0.94` is 0.94 %.
 */
export function readPercent(value: unknown): number | undefined {
  let number: number | undefined;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string') {
    const match = percentText.exec(value);
    number = match === null ? undefined : Number(match[1]);
  }
  return number !== undefined && Number.isFinite(number) && number >= 0 && number <= 100 ? number : undefined;
}
