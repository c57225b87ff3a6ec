import { describe, expect, it } from 'vitest';
import { findDeepValue } from './find-deep-value.js';

describe('findDeepValue', () => {
  it('measures nesting without recursion and bounds the nodes visited', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findDeepValue(deep, 64, 1_000_000)).toBe('too-deep');
    expect(findDeepValue({ a: [1, { b: 2 }] }, 64, 1_000_000)).toBeUndefined();
    const shared = Array.from({ length: 10 }, () => 0);
    const wide = Array.from({ length: 10 }, () => Array.from({ length: 10 }, () => shared));
    expect(findDeepValue(wide, 64, 50)).toBe('too-large');
  });
});
