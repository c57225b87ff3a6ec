import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSourceFile } from './read-source-file.js';
import { defaultSourceLimits } from './source-limits.js';

const folder = mkdtempSync(join(tmpdir(), 'kairos-read-'));

describe('readSourceFile', () => {
  it('reads a UTF-8 file', async () => {
    const path = join(folder, 'ok.yaml');
    writeFileSync(path, 'milestones: []\n');
    expect(await readSourceFile(path, defaultSourceLimits)).toEqual({ ok: true, text: 'milestones: []\n' });
  });

  it('refuses a file over the size limit by its size, before reading it', async () => {
    const path = join(folder, 'big.yaml');
    writeFileSync(path, `a: "${'x'.repeat(3 * 1024 * 1024)}"\n`);
    const result = await readSourceFile(path, defaultSourceLimits);
    expect(result).toMatchObject({ ok: false, diagnostic: { line: 1, column: 1, message: 'file is 3145734 bytes, over the 2 MiB limit for planning files' } });
  });

  it('refuses binary files, folders, FIFOs and missing files without hanging', async () => {
    const binary = join(folder, 'image.yaml');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    expect(await readSourceFile(binary, defaultSourceLimits)).toMatchObject({ ok: false, diagnostic: { message: 'binary file (a NUL byte here): expected UTF-8 text' } });
    expect(await readSourceFile(folder, defaultSourceLimits)).toMatchObject({ ok: false, diagnostic: { message: 'is a folder, not a file' } });
    const fifo = join(folder, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(await readSourceFile(fifo, defaultSourceLimits)).toMatchObject({ ok: false, diagnostic: { message: 'not a regular file' } });
    expect(await readSourceFile(join(folder, 'absent.yaml'), defaultSourceLimits)).toMatchObject({ ok: false, diagnostic: { message: 'file not found' } });
  });
});
