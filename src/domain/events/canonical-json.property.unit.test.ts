import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, writeCanonicalJson } from './canonical-json.js';

/** The first implementation, kept as the reference: stored events are hashed over this exact text. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`cannot serialise ${String(value)} as JSON`);
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((item: unknown) => (item === undefined ? 'null' : reference(item))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record).sort().filter((key) => record[key] !== undefined).map((key) => `${JSON.stringify(key)}:${reference(record[key])}`);
  return `{${members.join(',')}}`;
}

const jsonish = fc.jsonValue().chain((json) => fc.constantFrom(json, { json, absent: undefined, list: [undefined, json] }));

describe('canonicalJson', () => {
  it('writes exactly the reference text for any JSON value, with undefined members and items', () => {
    fc.assert(fc.property(jsonish, (value) => {
      expect(canonicalJson(value)).toBe(reference(value));
    }), { numRuns: 500 });
  });

  it('hands a large value to a sink in chunks whose concatenation is the same text', () => {
    const big = { sprints: Array.from({ length: 3000 }, (_, index) => ({ id: `s${index}`, features: [`F-${index}`, 'é"\\n'], n: index / 7, ok: index % 2 === 0, none: null })) };
    const chunks: string[] = [];
    writeCanonicalJson(big, (chunk) => chunks.push(chunk));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(reference(big));
  });

  it('refuses numbers JSON cannot hold', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow('cannot serialise NaN as JSON');
  });
});
