import { describe, expect, it } from 'vitest';
import { valueDifferences } from './release-differences.js';

describe('valueDifferences', () => {
  it('names nothing for equal values', () => {
    expect(valueDifferences({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });

  it('names identified list items by their key, and plain lists by index', () => {
    const sealed = { gates: [{ gate: 'testsPassed', passed: true }, { gate: 'allPullRequestsMerged', passed: true }], tags: ['a', 'b'] };
    const now = { gates: [{ gate: 'allPullRequestsMerged', passed: true }, { gate: 'testsPassed', passed: false }], tags: ['a', 'c'] };
    expect(valueDifferences(sealed, now)).toEqual(['gates[testsPassed].passed: sealed true, now false', 'tags[1]: sealed "b", now "c"']);
  });

  it('names what appeared and what went missing', () => {
    expect(valueDifferences({ artifacts: [{ path: 'a.txt', sha256: 'x' }] }, { artifacts: [{ path: 'b.txt', sha256: 'x' }] })).toEqual([
      'artifacts[a.txt]: sealed {"path":"a.txt","sha256":"x"}, now nothing',
      'artifacts[b.txt]: sealed nothing, now {"path":"b.txt","sha256":"x"}',
    ]);
  });
});
