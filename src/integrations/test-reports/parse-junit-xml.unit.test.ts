import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../domain/errors/index.js';
import { parseJunitXml } from './parse-junit-xml.js';

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

function failureOf(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('parseJunitXml on real tool output', () => {
  it('reads node --test junit output, whose top-level tests sit directly under <testsuites>', () => {
    const report = parseJunitXml(fixture('node-test-junit.xml'), 'node-test-junit.xml');
    expect(report.counts).toEqual({ tests: 3, passed: 2, failed: 1, errors: 0, skipped: 0 });
    expect(report.suites.map((suite) => [suite.name, suite.cases.map((c) => [c.name, c.status])])).toEqual([
      ['', [['books a free slot', 'passed'], ['rejects a past date', 'failed']]],
      ['Notification', [['sends a confirmation', 'passed']]],
    ]);
    expect(report.suites[0]?.cases[1]?.message).toBe('200 == 400');
  });

  it('reads vitest 4.1.12 junit output: 1 passed, 1 failed, 1 skipped, as vitest reported', () => {
    const report = parseJunitXml(fixture('vitest-junit.xml'), 'vitest-junit.xml');
    expect(report.name).toBe('vitest tests');
    expect(report.counts).toEqual({ tests: 3, passed: 1, failed: 1, errors: 0, skipped: 1 });
    const [suite] = report.suites;
    expect(suite?.name).toBe('src/math.test.js');
    expect(suite?.countedFrom).toBe('cases');
    expect(suite?.cases.map((c) => [c.name, c.status])).toEqual([
      ['math > adds two numbers', 'passed'],
      ['math > divides by two', 'failed'],
      ['math > handles division by zero', 'skipped'],
    ]);
    const failed = suite?.cases[1];
    expect(failed?.classname).toBe('src/math.test.js');
    expect(failed?.message).toBe('expected 2 to be 3 // Object.is equality');
    expect(failed?.failureType).toBe('AssertionError');
    expect(failed?.details).toContain('src/math.test.js:10:26');
    expect(failed?.timeSeconds).toBeCloseTo(0.015138054);
  });

  it('reads jest-junit 17 output, whose failures carry no message attribute', () => {
    const report = parseJunitXml(fixture('jest-junit.xml'), 'jest-junit.xml');
    expect(report.counts).toEqual({ tests: 3, passed: 1, failed: 1, errors: 0, skipped: 1 });
    const failed = report.suites[0]?.cases.find((c) => c.status === 'failed');
    expect(failed?.message).toBe('Error: expect(received).toBe(expected) // Object.is equality');
    expect(failed?.details).toContain('at Object.<anonymous> (/tmp/kairos-fixture-proj/jest/math.test.cjs:9:26)');
  });

  it('reads pytest 9 (xunit2) output with an error at setup and numeric character references', () => {
    const report = parseJunitXml(fixture('pytest-junit.xml'), 'pytest-junit.xml');
    expect(report.counts).toEqual({ tests: 4, passed: 1, failed: 1, errors: 1, skipped: 1 });
    const cases = report.suites[0]?.cases ?? [];
    expect(cases.find((c) => c.name === 'test_divides')?.message).toBe('assert 2.0 == 3\n +  where 2.0 = divide(4, 2)');
    expect(cases.find((c) => c.name === 'test_uses_broken_fixture')).toMatchObject({
      status: 'error',
      classname: 'test_math',
      message: 'failed on setup with "RuntimeError: fixture could not start"',
    });
    expect(cases.find((c) => c.status === 'skipped')?.message).toBe('division by zero is not specified yet');
  });

  it('reads a Maven Surefire 3.2.5 report: a bare <testsuite>, properties, CDATA stack traces', () => {
    const report = parseJunitXml(fixture('surefire-TEST-demo.MathOpsTest.xml'), 'TEST-demo.MathOpsTest.xml');
    expect(report.name).toBeUndefined();
    expect(report.counts).toEqual({ tests: 4, passed: 1, failed: 1, errors: 1, skipped: 1 });
    const cases = report.suites[0]?.cases ?? [];
    expect(cases.find((c) => c.name === 'dividesByTwo')).toMatchObject({
      status: 'failed',
      classname: 'demo.MathOpsTest',
      message: 'expected: <3> but was: <2>',
      failureType: 'org.opentest4j.AssertionFailedError',
    });
    // The stack trace is CDATA: written as-is, never entity-decoded.
    expect(cases.find((c) => c.name === 'dividesByTwo')?.details).toMatch(/^org\.opentest4j\.AssertionFailedError: expected: <3> but was: <2>/);
    expect(cases.find((c) => c.name === 'throwsUnexpectedly')).toMatchObject({ status: 'error', failureType: 'java.lang.ArithmeticException' });
  });
});

describe('parseJunitXml on edge cases', () => {
  it('counts from the cases when the attributes lie, and from the attributes when there are no cases', () => {
    const report = parseJunitXml(
      `<testsuites>
        <testsuite name="lying" tests="10" failures="0"><testcase name="a"><failure/></testcase><testcase name="b"/></testsuite>
        <testsuite name="summary only" tests="5" failures="1" errors="1" skipped="2"/>
      </testsuites>`,
      'r.xml',
    );
    expect(report.suites.map((s) => [s.name, s.countedFrom, s.counts])).toEqual([
      ['lying', 'cases', { tests: 2, passed: 1, failed: 1, errors: 0, skipped: 0 }],
      ['summary only', 'attributes', { tests: 5, passed: 1, failed: 1, errors: 1, skipped: 2 }],
    ]);
    expect(report.counts).toEqual({ tests: 7, passed: 2, failed: 2, errors: 1, skipped: 2 });
  });

  it('treats one suite and one case like lists, flattens nested suites, and keeps file and line', () => {
    const report = parseJunitXml(
      `<testsuites><testsuite name="outer" file="a.test.ts"><testcase name="one" line="7" time="1,234.5"/>
        <testsuite name="inner"><testcase name="two" file="b.py"/></testsuite></testsuite></testsuites>`,
      'r.xml',
    );
    expect(report.suites.map((s) => s.name)).toEqual(['outer', 'inner']);
    expect(report.suites[0]?.cases[0]).toEqual({ name: 'one', file: 'a.test.ts', line: 7, status: 'passed', timeSeconds: 1234.5 });
    expect(report.suites[1]?.cases[0]).toEqual({ name: 'two', file: 'b.py', status: 'passed' });
  });

  it('cuts very long failure output at the limit', () => {
    const long = 'x'.repeat(100);
    const report = parseJunitXml(`<testsuite><testcase name="a"><failure message="m">${long}</failure></testcase></testsuite>`, 'r.xml', { maxTextChars: 10 });
    expect(report.suites[0]?.cases[0]?.details).toBe('xxxxxxxxxx… (90 more characters)');
  });

  it('never expands DOCTYPE entities: a billion-laughs report parses at once, entities left as written', () => {
    const levels = ['<!ENTITY lol0 "lol">'];
    for (let level = 1; level <= 9; level += 1) levels.push(`<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [${levels.join('')}]><testsuite name="&lol9;"><testcase name="a"><failure message="&lol9;">&lol9;</failure></testcase></testsuite>`;
    const started = performance.now();
    const report = parseJunitXml(bomb, 'bomb.xml');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(report.suites[0]?.name).toBe('&lol9;');
    expect(report.suites[0]?.cases[0]?.message).toBe('&lol9;');
  });

  it.each([
    ['an HTML page', '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body></body></html>', 'junit.xml:1:1: an HTML page, not a JUnit XML report'],
    ['XML that is not JUnit', '<?xml version="1.0"?>\n<project>\n</project>', 'junit.xml:2:1: not a JUnit XML report: the root element is <project>, expected <testsuites> or <testsuite>'],
    ['malformed XML', '<testsuite>\n  <testcase name="a">\n</testsuite>', "junit.xml:3:1: not well-formed XML: Expected closing tag 'testcase' (opened in line 2, col 3) instead of closing tag 'testsuite'."],
    ['an empty file', '  \n', 'junit.xml:1:1: file is empty: expected a JUnit XML report'],
    ['a count that is not a number', '<testsuite name="s" tests="many"/>', 'junit.xml:1:1: <testsuite> tests="many" is not a non-negative number'],
    ['a test case without a name', '<testsuite>\n  <testcase classname="c"/>\n</testsuite>', 'junit.xml:2:3: a <testcase> has no name attribute'],
  ])('refuses %s with a located ValidationError', (_what, text, message) => {
    const error = failureOf(() => parseJunitXml(text, 'junit.xml'));
    expect(error.message).toBe(message);
    expect(error.diagnostics[0]).toMatchObject({ severity: 'error', file: 'junit.xml', path: '' });
  });

  it('refuses text over the size limit before parsing it', () => {
    const error = failureOf(() => parseJunitXml(`<testsuite>${' '.repeat(2000)}</testsuite>`, 'big.xml', { maxBytes: 1024 }));
    expect(error.message).toBe('big.xml:1:1: report is 2023 characters, over the 1 KiB limit for reports');
  });
});
