import { describe, expect, it } from 'vitest';
import { findExcessiveNesting } from './find-excessive-nesting.js';

describe('findExcessiveNesting', () => {
  it('passes ordinary planning YAML and brackets inside scalars', () => {
    expect(findExcessiveNesting('a: 1\nb:\n  - x\n  - y: [1, {c: "[[["}]\n', 64)).toBeUndefined();
    expect(findExcessiveNesting(`a: |\n  ${'['.repeat(100)}\n`, 64)).toBeUndefined();
    expect(findExcessiveNesting(`a: "${'['.repeat(100)}"\n`, 64)).toBeUndefined();
    expect(findExcessiveNesting(`a: x${'['.repeat(100)}\n`, 64)).toBeUndefined();
    expect(findExcessiveNesting(`${'['.repeat(60)}${']'.repeat(60)}`, 64)).toBeUndefined();
  });

  it('stops at the first bracket past the limit, even in a megabyte of them', () => {
    const started = performance.now();
    expect(findExcessiveNesting('['.repeat(1 << 20), 64)).toEqual({ offset: 64, depth: 65 });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('counts block nesting by indentation and compact indicators', () => {
    const indented = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    expect(findExcessiveNesting(indented, 64)?.depth).toBe(65);
    expect(findExcessiveNesting(`${'- '.repeat(20000)}x`, 64)?.depth).toBe(65);
  });
});
