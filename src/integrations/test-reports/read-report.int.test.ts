import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCoverageReport } from './read-coverage-report.js';
import { readTestReport } from './read-test-report.js';
import { fixturePath, validationErrorOf } from './testing/test-support.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kairos-test-reports-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readTestReport', () => {
  it('reads every real JUnit fixture with the counts its tool printed', async () => {
    const counts = await Promise.all(
      ['vitest-junit.xml', 'jest-junit.xml', 'pytest-junit.xml', 'surefire-TEST-demo.MathOpsTest.xml'].map(async (name) => (await readTestReport(fixturePath(name))).counts),
    );
    expect(counts).toEqual([
      { tests: 3, passed: 1, failed: 1, errors: 0, skipped: 1 },
      { tests: 3, passed: 1, failed: 1, errors: 0, skipped: 1 },
      { tests: 4, passed: 1, failed: 1, errors: 1, skipped: 1 },
      { tests: 4, passed: 1, failed: 1, errors: 1, skipped: 1 },
    ]);
  });

  it('refuses a 50 MB file before reading it', async () => {
    const path = join(dir, 'huge.xml');
    await writeFile(path, '');
    await truncate(path, 50 * 1024 * 1024);
    const error = await validationErrorOf(() => readTestReport(path));
    expect(error.message).toBe(`${path}:1:1: file is 52428800 bytes, over the 32 MiB limit for reports`);
  });

  it('parses a 5 MB report of 20,000 cases quickly', async () => {
    const cases = Array.from({ length: 20_000 }, (_, i) => `<testcase classname="c" name="case ${i}" time="0.001">${i % 10 === 0 ? `<failure message="m&lt;${i}&gt;">${'trace '.repeat(30)}</failure>` : ''}</testcase>`);
    const path = join(dir, 'many.xml');
    await writeFile(path, `<testsuites><testsuite name="s">${cases.join('\n')}</testsuite></testsuites>`);
    const started = performance.now();
    const report = await readTestReport(path);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(report.counts).toEqual({ tests: 20_000, passed: 18_000, failed: 2_000, errors: 0, skipped: 0 });
    expect(report.suites[0]?.cases[10]?.message).toBe('m<10>');
  });

  it.each([
    ['an empty file', 'empty.xml', '', (path: string) => `${path}:1:1: file is empty: expected a JUnit XML report`],
    ['a binary file', 'binary.xml', '<testsuite>\n  \u0000', (path: string) => `${path}:2:3: binary file (a NUL byte here): expected a text report`],
  ])('refuses %s', async (_what, name, content, message) => {
    const path = join(dir, name);
    await writeFile(path, content);
    expect((await validationErrorOf(() => readTestReport(path))).message).toBe(message(path));
  });

  it('refuses a missing file and a folder', async () => {
    expect((await validationErrorOf(() => readTestReport(join(dir, 'missing.xml')))).message).toBe(`${join(dir, 'missing.xml')}:1:1: file not found`);
    expect((await validationErrorOf(() => readTestReport(dir))).message).toBe(`${dir}:1:1: is a folder, not a report file`);
  });
});

describe('readCoverageReport', () => {
  it('detects each real fixture\'s format and reads the same totals from all three', async () => {
    const reports = await Promise.all(
      ['vitest-v8-lcov.info', 'vitest-v8-coverage-summary.json', 'vitest-v8-cobertura-coverage.xml'].map((name) => readCoverageReport(fixturePath(name))),
    );
    expect(reports.map((r) => r.format)).toEqual(['lcov', 'istanbul-summary', 'cobertura']);
    for (const report of reports) {
      expect(report.lines).toEqual({ covered: 3, total: 5, percent: 60 });
      expect(report.branches).toEqual({ covered: 1, total: 4, percent: 25 });
      expect(report.functions).toEqual({ covered: 2, total: 3, percent: 66.67 });
    }
  });

  it('refuses a file that is no coverage format', async () => {
    const path = join(dir, 'notes.txt');
    await writeFile(path, 'just some notes\n');
    expect((await validationErrorOf(() => readCoverageReport(path))).message).toBe(
      `${path}:1:1: not a coverage report: expected lcov, an Istanbul coverage-summary.json or Cobertura XML`,
    );
  });

  it('passes format errors through with their location', async () => {
    const path = join(dir, 'lcov.info');
    await writeFile(path, 'SF:a.js\nDA:1,1\ngarbage\nend_of_record\n');
    expect((await validationErrorOf(() => readCoverageReport(path))).message).toBe(`${path}:3:1: not an lcov line: expected TAG:value or end_of_record, found "garbage"`);
  });
});
