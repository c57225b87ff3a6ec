import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../domain/errors/index.js';
import { loadYamlSource } from './load-yaml-source.js';
import { defaultSourceLimits } from './source-limits.js';

const load = (text: string, file = 'f.yaml') => loadYamlSource(text, file, defaultSourceLimits);
const brief = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => `${d.line}:${d.column}: ${d.severity}: ${d.message}`);

describe('loadYamlSource', () => {
  it('reads YAML and JSON into plain data', () => {
    expect(load('a: [1, two]\nb: {c: true}\n')).toMatchObject({ readable: true, value: { a: [1, 'two'], b: { c: true } }, diagnostics: [] });
    expect(load('{\n\t"a": 1,\n\t"b": [1,\n\t\t2]\n}\n', 'f.json')).toMatchObject({ readable: true, value: { a: 1, b: [1, 2] } });
  });

  it('refuses empty files and files with only comments', () => {
    expect(brief(load('').diagnostics)).toEqual(['1:1: error: file is empty']);
    expect(brief(load('  \n\n').diagnostics)).toEqual(['1:1: error: file is empty']);
    expect(brief(load('# nothing yet\n').diagnostics)).toEqual(['1:1: error: file holds only comments: no content']);
  });

  it('locates syntax errors', () => {
    const source = load('a: [1, 2\nb: 3\n');
    expect(source.readable).toBe(false);
    expect(brief(source.diagnostics)).toEqual(['2:1: error: Flow sequence in block collection must be sufficiently indented and end with a ]']);
  });

  it('reports a duplicate key at the second key, naming the first, and keeps reading the rest', () => {
    const source = load('milestones:\n  - id: a\n    name: x\n    id: b\n');
    expect(brief(source.diagnostics)).toEqual(['4:5: error: duplicate key id (first at line 2): a key may appear only once in a map']);
    expect(source.readable).toBe(true);
  });

  it('refuses a second document', () => {
    const source = load('a: 1\n---\nb: 2\n');
    expect(source.readable).toBe(false);
    expect(brief(source.diagnostics)).toEqual(['2:1: error: a second YAML document starts here; a planning file holds exactly one']);
  });

  it('refuses an alias bomb at the first alias, quickly', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const started = performance.now();
    const source = load(`${levels.join('\n')}\n`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(source.readable).toBe(false);
    expect(brief(source.diagnostics)).toEqual(['2:8: error: aliases expand to too much data (more than 100 alias expansions): refused as a possible alias bomb']);
  });

  it('refuses circular and dangling aliases', () => {
    expect(brief(load('a: &a\n  b: *a\n').diagnostics)).toEqual(['2:6: error: alias *a is inside the node it refers to, which would make the data circular']);
    expect(brief(load('a: *nowhere\n').diagnostics)).toEqual(['1:4: error: alias *nowhere names no anchor defined before it']);
  });

  it('refuses a megabyte of opening brackets without overflowing the stack', () => {
    const source = load('['.repeat(1 << 20));
    expect(source.readable).toBe(false);
    expect(brief(source.diagnostics)).toEqual(['1:65: error: nested deeper than 64 levels; planning files are never this deep']);
  });

  it('refuses deep block nesting and aliases that nest past the limit', () => {
    const indented = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    expect(brief(load(`${indented} 1\n`).diagnostics)).toEqual(['64:65: error: nested deeper than 64 levels; planning files are never this deep']);
    const nested = (anchor: string, inner: string) => `${anchor}: &${anchor} ${'['.repeat(40)}${inner}${']'.repeat(40)}`;
    expect(brief(load(`${nested('a', '1')}\n${nested('b', '*a')}\n`).diagnostics)).toEqual(['2:47: error: aliases make the data nest deeper than 64 levels']);
  });

  it('refuses JSON that only YAML would accept, located where the document shows it', () => {
    const missing = load('{\n  "a": 1,\n  "b": \n}\n', 'f.json');
    expect(missing.readable).toBe(false);
    expect(brief(missing.diagnostics)).toEqual(['3:8: error: not valid JSON: a value is missing here']);
    expect(brief(load("{\"a\": 'x'}", 'f.json').diagnostics)).toEqual(['1:7: error: not valid JSON: strings need double quotes']);
    expect(brief(load('{"a": yes}', 'f.json').diagnostics)).toEqual(['1:7: error: not valid JSON: text yes needs double quotes']);
    expect(brief(load('{"a": [1, 2,]}', 'f.json').diagnostics)).toEqual(["1:1: error: not valid JSON: Unexpected token ']'"]);
    expect(load('{"a": [1, -2.5e3, true, null]}\n', 'f.json').readable).toBe(true);
  });
});
