import { describe, expect, it } from 'vitest';
import { formatForTest } from '../testing/check-texts.js';
import { readSpecFixture } from '../testing/read-spec-fixture.js';
import { validateText } from '../validation/validate-text.js';

describe('security-audit schema', () => {
  it("accepts the spec's policy validation report as written", () => {
    const report = validateText(readSpecFixture('security-audit.json'), 'security-audit.json');
    expect(report.kind).toBe('security-audit');
    expect(report.diagnostics).toEqual([]);
  });

  it('accepts findings as text or maps with a severity, and refuses unknown severities', () => {
    const ok = '{"sprintId": "s", "status": "NonCompliant", "issues": ["CSP header missing", {"check": "RateLimitingEnabled", "severity": "critical"}]}';
    expect(validateText(ok, 'a.json', { kind: 'security-audit' }).diagnostics).toEqual([]);
    const bad = '{"sprintId": "s", "status": "x", "issues": [{"severity": "urgent"}]}';
    expect(validateText(bad, 'a.json', { kind: 'security-audit' }).diagnostics.map(formatForTest)).toEqual([
      'a.json:1:58: error: severity must be one of critical, high, medium, low, info, got urgent (at issues[0].severity)',
    ]);
  });
});
