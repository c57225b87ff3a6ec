import { canonicalJson } from '../events/canonical-json.js';
import type { JsonValue } from '../events/envelope.js';

/** Keys that name an item of a list, in the order they are tried: a list of such items is compared item by item. */
const itemKeys = ['path', 'id', 'sprintId', 'agentId', 'gate', 'idempotencyKey', 'position'];

/** How many differences are listed before the rest are counted. */
const maxListed = 200;

/**
 * Every place where `actual` differs from `expected`, as `where: expected … now …` lines: objects
 * key by key, lists of identified items (by `path`, `id`, `sprintId`, `gate`, …) item by item,
 * other lists by index. Empty when they are equal.
 *
 * @example valueDifferences({ gates: [{ gate: 'testsPassed', passed: true }] }, { gates: [{ gate: 'testsPassed', passed: false }] })
 * // ['gates[testsPassed].passed: sealed true, now false']
 */
export function valueDifferences(expected: JsonValue | undefined, actual: JsonValue | undefined, where = ''): string[] {
  const found: string[] = [];
  compare(expected, actual, where, found);
  if (found.length > maxListed) return [...found.slice(0, maxListed), `… and ${found.length - maxListed} more difference(s)`];
  return found;
}

function compare(expected: JsonValue | undefined, actual: JsonValue | undefined, where: string, found: string[]): void {
  if (found.length > maxListed) return;
  if (expected === undefined && actual === undefined) return;
  if (expected === undefined || actual === undefined) {
    found.push(`${where || '(whole)'}: sealed ${show(expected)}, now ${show(actual)}`);
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const key = listKey(expected, actual);
    if (key === undefined) {
      const length = Math.max(expected.length, actual.length);
      for (let index = 0; index < length; index++) compare(expected[index], actual[index], `${where}[${index}]`, found);
      return;
    }
    const before = byKey(expected, key);
    const after = byKey(actual, key);
    for (const id of new Set([...before.keys(), ...after.keys()])) compare(before.get(id), after.get(id), `${where}[${id}]`, found);
    return;
  }
  if (isObject(expected) && isObject(actual)) {
    for (const member of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      compare(expected[member], actual[member], where === '' ? member : `${where}.${member}`, found);
    }
    return;
  }
  if (canonicalJson(expected) !== canonicalJson(actual)) found.push(`${where || '(whole)'}: sealed ${show(expected)}, now ${show(actual)}`);
}

/** The key every item of both lists carries, with distinct values in each; undefined when none does. */
function listKey(expected: JsonValue[], actual: JsonValue[]): string | undefined {
  const items = [...expected, ...actual];
  if (items.length === 0 || !items.every(isObject)) return undefined;
  return itemKeys.find((key) => {
    const distinct = (list: JsonValue[]): boolean => new Set(list.map((item) => String((item as Record<string, JsonValue>)[key]))).size === list.length;
    return items.every((item) => ['string', 'number'].includes(typeof (item as Record<string, JsonValue>)[key])) && distinct(expected) && distinct(actual);
  });
}

function byKey(list: JsonValue[], key: string): Map<string, JsonValue> {
  return new Map(list.map((item) => [String((item as Record<string, JsonValue>)[key]), item]));
}

function isObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value in a difference line: short values whole, long ones cut. */
function show(value: JsonValue | undefined): string {
  if (value === undefined) return 'nothing';
  const text = canonicalJson(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
