import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatForTest } from '../testing/check-texts.js';
import { validateFile } from './validate-file.js';

const folder = mkdtempSync(join(tmpdir(), 'kairos-validate-'));

function write(name: string, content: string | Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

describe('validateFile', () => {
  it('validates a file on disk, detecting its kind', async () => {
    const path = write('milestones.yaml', 'milestones:\n  - id: m1\n    gateConditions: [allTestsPass]\n');
    expect(await validateFile(path)).toEqual({ file: path, kind: 'milestones', diagnostics: [] });
  });

  it('refuses each hostile file with one located error, never a crash or a hang', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level++) bomb.push(`l${level}: &l${level} [${Array(9).fill(level === 1 ? '*a' : `*l${level - 1}`).join(', ')}]`);
    const cases: [string, string | Uint8Array, string][] = [
      ['brackets.yaml', '['.repeat(1 << 20), '1:65: error: nested deeper than 64 levels; planning files are never this deep'],
      ['bomb.yaml', `${bomb.join('\n')}\n`, '2:10: error: aliases expand to too much data (more than 100 alias expansions): refused as a possible alias bomb'],
      ['binary.yaml', new Uint8Array([0x6d, 0x3a, 0x0a, 0x00, 0xff]), '2:1: error: binary file (a NUL byte here): expected UTF-8 text'],
      ['latin1.yaml', new Uint8Array([0x61, 0x3a, 0x20, 0xe9, 0x0a]), '1:4: error: not valid UTF-8 text (an invalid byte sequence here)'],
      ['huge.yaml', `a: "${'x'.repeat(2 * 1024 * 1024)}"\n`, '1:1: error: file is 2097158 bytes, over the 2 MiB limit for planning files'],
      ['two.yaml', 'milestones: []\n---\nmilestones: []\n', '2:1: error: a second YAML document starts here; a planning file holds exactly one'],
      ['empty.yaml', '', '1:1: error: file is empty'],
      ['dup.yaml', 'milestones: []\nmilestones: []\n', '2:1: error: duplicate key milestones (first at line 1): a key may appear only once in a map'],
    ];
    for (const [name, content, expected] of cases) {
      const report = await validateFile(write(name, content));
      expect(report.diagnostics.map(formatForTest)).toEqual([`${join(folder, name)}:${expected}`]);
    }
  });

  it('takes an explicit kind for JSON artifacts', async () => {
    const path = write('out.json', '{"sprintId": "s", "currentState": "Active", "traceId": "t", "allowedSkills": []}');
    expect(await validateFile(path, { kind: 'fsm-context' })).toMatchObject({ kind: 'fsm-context', diagnostics: [] });
  });

  it('stays linear on the largest files it accepts, listing the first problems and counting the rest', async () => {
    const keys = Array.from({ length: 100_000 }, (_, index) => `    k${index}: 1`).join('\n');
    const started = performance.now();
    const report = await validateFile(write('wide.yaml', `milestones:\n  - id: m\n${keys}\n`));
    expect(report.diagnostics).toHaveLength(1001);
    expect(report.diagnostics.map((d) => d.message)).toContain('unknown key k0 is kept but not used');
    expect(report.diagnostics.filter((d) => d.message.startsWith('99000 more problems like these are not shown'))).toHaveLength(1);

    const features = Array.from({ length: 50_000 }, () => '- {featureId: F, dependsOn: [F, G]}').join('\n');
    const crowded = await validateFile(write('features.yaml', `${features}\n`));
    expect(crowded.diagnostics.filter((d) => d.message.includes('more problems like these are not shown'))).toHaveLength(1);
    expect(crowded.diagnostics.length).toBeLessThan(2100);
    expect(performance.now() - started).toBeLessThan(60_000);
  });
});
