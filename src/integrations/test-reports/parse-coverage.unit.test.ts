import { describe, expect, it } from 'vitest';
import { coverageMetric } from './coverage-metric.js';
import { parseCoberturaXml } from './parse-cobertura-xml.js';
import { parseIstanbulSummary } from './parse-istanbul-summary.js';
import { parseLcov } from './parse-lcov.js';
import { fixture, validationErrorOf } from './testing/test-support.js';

// What vitest 4.1.12's text reporter printed for this run: lines 3/5, branches 1/4, functions 2/3.
const reported = {
  lines: { covered: 3, total: 5, percent: 60 },
  branches: { covered: 1, total: 4, percent: 25 },
  functions: { covered: 2, total: 3, percent: 66.67 },
};

describe('coverageMetric', () => {
  it('rounds to 2 decimals and gives null, not 0 or 100, when there is nothing to cover', () => {
    expect(coverageMetric(2, 3)).toEqual({ covered: 2, total: 3, percent: 66.67 });
    expect(coverageMetric(1, 3).percent).toBe(33.33);
    expect(coverageMetric(0, 0).percent).toBeNull();
  });
});

describe('the three formats of one real @vitest/coverage-v8 run agree', () => {
  it('lcov', () => {
    const report = parseLcov(fixture('vitest-v8-lcov.info'), 'lcov.info');
    expect(report).toMatchObject({ format: 'lcov', ...reported, sourceRoots: [] });
    expect(report.files).toEqual([{ path: 'src/math.js', ...reported }]);
  });

  it('Istanbul coverage-summary.json, with statements too', () => {
    const report = parseIstanbulSummary(fixture('vitest-v8-coverage-summary.json'), 'coverage-summary.json');
    expect(report).toMatchObject({ format: 'istanbul-summary', ...reported, statements: { covered: 3, total: 5, percent: 60 } });
    expect(report.files.map((f) => f.path)).toEqual(['/tmp/kairos-fixture-proj/src/math.js']);
  });

  it('Cobertura XML, with its <sources> as roots', () => {
    const report = parseCoberturaXml(fixture('vitest-v8-cobertura-coverage.xml'), 'cobertura-coverage.xml');
    expect(report).toMatchObject({ format: 'cobertura', ...reported, sourceRoots: ['/tmp/kairos-fixture-proj'] });
    expect(report.files).toEqual([{ path: 'src/math.js', ...reported }]);
  });
});

describe('parseLcov', () => {
  it('sums files, counts detail lines over summaries, reads lcov 2 FNA, and falls back to summaries', () => {
    const report = parseLcov(
      [
        'VER:2.0', 'TN:', 'SF:a.ts', 'FNL:0,1,3', 'FNA:0,4,run', 'DA:1,4', 'DA:2,0', 'DA:2,1', 'LF:99', 'LH:99', 'BRDA:2,0,0,-', 'BRDA:2,0,1,3', 'end_of_record',
        'SF:b.ts', 'LF:10', 'LH:5', 'FNF:2', 'FNH:1', 'end_of_record', '',
      ].join('\r\n'),
      'lcov.info',
    );
    expect(report.files).toEqual([
      { path: 'a.ts', lines: coverageMetric(2, 2), branches: coverageMetric(1, 2), functions: coverageMetric(1, 1) },
      { path: 'b.ts', lines: coverageMetric(5, 10), functions: coverageMetric(1, 2) },
    ]);
    expect(report.lines).toEqual(coverageMetric(7, 12));
    expect(report.branches).toEqual(coverageMetric(1, 2));
    expect(report.functions).toEqual(coverageMetric(2, 3));
  });

  it.each([
    ['a garbage line', 'SF:a.ts\nDA:1,1\n<html>oops</html>\nend_of_record\n', 'lcov.info:3:1: not an lcov line: expected TAG:value or end_of_record, found "<html>oops</html>"'],
    ['a bad number', 'SF:a.ts\nDA:1,lots\nend_of_record\n', 'lcov.info:2:1: DA:1,lots is not line,hits'],
    ['a record cut short', 'SF:a.ts\nDA:1,1\n', 'lcov.info:3:1: the record for a.ts (from line 1) has no end_of_record: the file may be cut short'],
    ['data outside a record', 'DA:1,1\n', 'lcov.info:1:1: DA: outside a record (no SF: line before it)'],
    ['an empty file', '\n\n', 'lcov.info:1:1: file is empty: expected a coverage report in lcov format'],
    ['no records', 'TN:\n', 'lcov.info:1:1: no SF: records: not a coverage report in lcov format'],
  ])('refuses %s', async (_what, text, message) => {
    expect((await validationErrorOf(() => parseLcov(text, 'lcov.info'))).message).toBe(message);
  });

  it('reads a long garbage line in linear time', () => {
    const started = performance.now();
    expect(() => parseLcov(`SF:a\n${'A'.repeat(200_000)}:`.repeat(1), 'lcov.info')).toThrow(/not an lcov line/);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('parseIstanbulSummary', () => {
  it('takes the totals from "total" when it lists no files', () => {
    const report = parseIstanbulSummary('{"total":{"lines":{"total":0,"covered":0,"skipped":0,"pct":"Unknown"}}}', 's.json');
    expect(report.lines).toEqual({ covered: 0, total: 0, percent: null });
    expect(report.files).toEqual([]);
  });

  it.each([
    ['malformed JSON', '{\n  "total": {\n    "lines": {"total": 5,}\n  }\n}', 'coverage-summary.json:3:26: not valid JSON: Expected double-quoted property name'],
    ['JSON of the wrong shape', '{\n  "total": {\n    "lines": {"total": 5, "covered": "three"}\n  }\n}', 'coverage-summary.json:3:38: not a coverage summary (Istanbul json-summary): Invalid input: expected number, received string'],
    ['covered more than total', '{"total": {"lines": {"total": 5, "covered": 7}}}', 'coverage-summary.json:1:21: not a coverage summary (Istanbul json-summary): covered is more than total'],
    ['no total', '{"a.js": {"lines": {"total": 5, "covered": 3}}}', 'coverage-summary.json:1:1: not a coverage summary (Istanbul json-summary): no "total" entry'],
    ['an empty file', '', 'coverage-summary.json:1:1: file is empty: expected a coverage summary (Istanbul json-summary)'],
  ])('refuses %s with a located error', async (_what, text, message) => {
    const error = await validationErrorOf(() => parseIstanbulSummary(text, 'coverage-summary.json'));
    expect(error.message).toBe(message);
    expect(error.diagnostics[0]?.file).toBe('coverage-summary.json');
  });
});

describe('parseCoberturaXml', () => {
  it('groups classes by file, reads coverage.py-style reports without method hits, and ignores DOCTYPE entities', () => {
    const report = parseCoberturaXml(
      `<?xml version="1.0" ?>
<!DOCTYPE coverage [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<coverage lines-valid="999" lines-covered="1" version="7.6">
  <sources><source>/src/app</source></sources>
  <packages><package name="p"><classes>
    <class name="A" filename="A.java"><methods><method name="run" line-rate="0"><lines><line number="2" hits="0"/></lines></method></methods>
      <lines><line number="1" hits="3"/><line number="2" hits="0" branch="true" condition-coverage="25% (1/4)"/></lines></class>
    <class name="A$Inner" filename="A.java"><methods><method name="go" line-rate="1"/></methods>
      <lines><line number="9" hits="1"/></lines></class>
  </classes></package></packages>
</coverage>`,
      'cobertura.xml',
    );
    expect(report.sourceRoots).toEqual(['/src/app']);
    expect(report.files).toEqual([{ path: 'A.java', lines: coverageMetric(2, 3), branches: coverageMetric(1, 4), functions: coverageMetric(1, 2) }]);
    expect(report.lines).toEqual(coverageMetric(2, 3));
  });

  it('uses the root counts when no classes are listed', () => {
    const report = parseCoberturaXml('<coverage lines-valid="10" lines-covered="4" branches-valid="0" branches-covered="0"><packages/></coverage>', 'c.xml');
    expect(report.lines).toEqual(coverageMetric(4, 10));
    expect(report.branches).toEqual({ covered: 0, total: 0, percent: null });
  });

  it.each([
    ['JUnit XML', '<testsuites/>', 'c.xml:1:1: not a Cobertura coverage report: the root element is <testsuites>, expected <coverage>'],
    ['malformed XML', '<coverage>\n<packages>\n</coverage>', "c.xml:3:1: not well-formed XML: Expected closing tag 'packages' (opened in line 2, col 1) instead of closing tag 'coverage'."],
    ['a class without a file name', '<coverage><packages><package><classes>\n  <class name="A"/></classes></package></packages></coverage>', 'c.xml:2:3: <class> has no filename attribute'],
    ['bad hits', '<coverage><packages><package><classes><class filename="a">\n<lines><line number="1" hits="-1"/></lines></class></classes></package></packages></coverage>', 'c.xml:2:8: <line> hits="-1" is not a whole number of 0 or more'],
  ])('refuses %s', async (_what, text, message) => {
    expect((await validationErrorOf(() => parseCoberturaXml(text, 'c.xml'))).message).toBe(message);
  });
});
