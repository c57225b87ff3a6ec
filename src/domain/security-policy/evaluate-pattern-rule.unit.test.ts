import { describe, expect, it } from 'vitest';
import { evaluatePatternRule, isSelected, maxFindings, ruleGlobs } from './evaluate-pattern-rule.js';
import type { PatternRule } from './security-check.js';

function rule(overrides: Partial<PatternRule>): PatternRule {
  return { kind: 'pattern', files: ['src/**/*.ts'], exclude: [], mustMatch: [], mustNotMatch: [], everyFile: false, ignoreCase: false, ...overrides };
}

describe('isSelected', () => {
  it('takes what a files glob matches and no exclude does', () => {
    const globs = ruleGlobs(rule({ exclude: ['**/*.test.ts'] }));
    expect(isSelected('src/app.ts', globs)).toBe(true);
    expect(isSelected('src/app.test.ts', globs)).toBe(false);
    expect(isSelected('lib/app.ts', globs)).toBe(false);
  });
});

describe('evaluatePatternRule', () => {
  it('passes when each required pattern appears somewhere, naming where', () => {
    const verdict = evaluatePatternRule(rule({ mustMatch: [{ text: 'helmet\\(', regex: true }, { text: 'token_expired', regex: false }] }), [
      { path: 'src/app.ts', text: 'import x\napp.use(helmet());\n' },
      { path: 'src/spans.ts', text: "const names = ['token_expired'];" },
    ]);
    expect(verdict).toEqual({ passed: true, detail: '/helmet\\(/ at src/app.ts:2; "token_expired" at src/spans.ts:1 (2 files searched)', findings: [], problems: 0 });
  });

  it('fails naming the pattern not found and how much was searched', () => {
    const verdict = evaluatePatternRule(rule({ mustMatch: [{ text: 'Content-Security-Policy', regex: false }] }), [
      { path: 'src/app.ts', text: 'nothing here' },
      { path: 'src/big.ts', skipped: 'over 1 MiB' },
    ]);
    expect(verdict.passed).toBe(false);
    expect(verdict.detail).toBe('"Content-Security-Policy" not found in any file matching src/**/*.ts (1 file searched, 1 file skipped (over 1 MiB))');
  });

  it('reports each forbidden occurrence by file and line, never the text found', () => {
    const verdict = evaluatePatternRule(rule({ mustNotMatch: [{ text: 'AKIA[0-9A-Z]{16}', regex: true }] }), [
      { path: 'src/a.ts', text: 'ok\nconst key = "AKIAABCDEFGHIJKLMNOP";\n' },
      { path: 'src/b.ts', text: 'AKIAABCDEFGHIJKLMNOP' },
    ]);
    expect(verdict.passed).toBe(false);
    expect(verdict.findings).toEqual([
      { file: 'src/a.ts', line: 2, message: 'forbidden /AKIA[0-9A-Z]{16}/ found' },
      { file: 'src/b.ts', line: 1, message: 'forbidden /AKIA[0-9A-Z]{16}/ found' },
    ]);
    expect(verdict.detail).toBe('src/a.ts:2: forbidden /AKIA[0-9A-Z]{16}/ found (and 1 more problem)');
    expect(JSON.stringify(verdict)).not.toContain('AKIAABCDEFGHIJKLMNOP');
  });

  it('with everyFile, wants the pattern in each file', () => {
    const files = [
      { path: 'src/a.ts', text: '@Authorize class A {}' },
      { path: 'src/b.ts', text: 'class B {}' },
    ];
    const verdict = evaluatePatternRule(rule({ mustMatch: [{ text: '@Authorize', regex: false }], everyFile: true }), files);
    expect(verdict.findings).toEqual([{ file: 'src/b.ts', message: '"@Authorize" not found' }]);
    expect(evaluatePatternRule(rule({ mustMatch: [{ text: 'class', regex: false }], everyFile: true }), files)).toMatchObject({ passed: true, detail: 'every pattern found in each of 2 files (2 files searched)' });
  });

  it('fails a required pattern over no file, passes a forbidden one over no file', () => {
    expect(evaluatePatternRule(rule({ mustMatch: [{ text: 'x', regex: false }] }), [])).toMatchObject({ passed: false, detail: 'no readable file matches src/**/*.ts' });
    expect(evaluatePatternRule(rule({ mustNotMatch: [{ text: 'x', regex: false }] }), [])).toMatchObject({ passed: true, detail: 'no readable file matches src/**/*.ts: nothing to check' });
  });

  it('honours ignoreCase, escapes substrings, and keeps at most maxFindings', () => {
    expect(evaluatePatternRule(rule({ mustMatch: [{ text: 'rate.limit', regex: false }], ignoreCase: true }), [{ path: 'src/a.ts', text: 'RATE.LIMIT' }]).passed).toBe(true);
    expect(evaluatePatternRule(rule({ mustMatch: [{ text: 'rate.limit', regex: false }] }), [{ path: 'src/a.ts', text: 'rateXlimit' }]).passed).toBe(false);
    const many = evaluatePatternRule(rule({ mustNotMatch: [{ text: 'TODO', regex: false }] }), [{ path: 'src/a.ts', text: 'TODO\n'.repeat(50) }]);
    expect(many.findings).toHaveLength(maxFindings);
    expect(many.problems).toBe(50);
    expect(many.detail).toMatch(/\(and 49 more problems\)$/);
  });
});
