import { describe, expect, it } from 'vitest';
import { decodeSource } from './decode-source.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const limits = { maxBytes: 1024 };

describe('decodeSource', () => {
  it('decodes UTF-8 and drops a byte order mark', () => {
    expect(decodeSource(new Uint8Array([0xef, 0xbb, 0xbf, ...encode('a: ü\n')]), 'f.yaml', limits)).toEqual({ ok: true, text: 'a: ü\n' });
  });

  it('refuses a file over the size limit', () => {
    const result = decodeSource(new Uint8Array(2048), 'f.yaml', limits);
    expect(result).toMatchObject({ ok: false, diagnostic: { line: 1, column: 1, message: 'file is 2048 bytes, over the 1 KiB limit for planning files' } });
  });

  it('refuses a binary file at its first NUL byte', () => {
    const result = decodeSource(new Uint8Array([...encode('a: 1\nbc'), 0, 1, 2]), 'f.yaml', limits);
    expect(result).toMatchObject({ ok: false, diagnostic: { line: 2, column: 3, message: 'binary file (a NUL byte here): expected UTF-8 text' } });
  });

  it('refuses invalid UTF-8 at the first bad sequence', () => {
    const result = decodeSource(new Uint8Array([...encode('a: 1\nb: '), 0xc3, 0x28]), 'f.yaml', limits);
    expect(result).toMatchObject({ ok: false, diagnostic: { severity: 'error', file: 'f.yaml', line: 2, column: 4, message: 'not valid UTF-8 text (an invalid byte sequence here)' } });
  });
});
