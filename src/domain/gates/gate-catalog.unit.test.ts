import { describe, expect, it } from 'vitest';
import { gateNames, parseGateCondition } from './gate-catalog.js';

describe('parseGateCondition', () => {
  it('resolves the spec\'s names, aliases and parameterised forms', () => {
    expect(parseGateCondition('testCoverageAbove90')).toEqual({ ok: true, ref: { gate: 'testCoverageAbove', written: 'testCoverageAbove90', param: 90 } });
    expect(parseGateCondition({ testCoverageAbove: 90 })).toEqual({ ok: true, ref: { gate: 'testCoverageAbove', written: 'testCoverageAbove', param: 90 } });
    expect(parseGateCondition({ testCoverageAbove: '90%' })).toEqual({ ok: true, ref: { gate: 'testCoverageAbove', written: 'testCoverageAbove', param: 90 } });
    expect(parseGateCondition({ resilienceScoreAbove: 85 })).toEqual({ ok: true, ref: { gate: 'resilienceScoreAbove', written: 'resilienceScoreAbove', param: 85 } });
    expect(parseGateCondition({ traceSpanPolicyCheck: 'pass' })).toEqual({ ok: true, ref: { gate: 'traceSpanPolicyCheck', written: 'traceSpanPolicyCheck', param: 'pass' } });
    expect(parseGateCondition({ traceSpanPolicyCheck: true })).toEqual({ ok: true, ref: { gate: 'traceSpanPolicyCheck', written: 'traceSpanPolicyCheck', param: 'pass' } });
    expect(parseGateCondition('sprint-trace-matrix.complete')).toEqual({ ok: true, ref: { gate: 'traceMatrixComplete', written: 'sprint-trace-matrix.complete' } });
    expect(parseGateCondition('noCriticalSecurityFindings')).toEqual({ ok: true, ref: { gate: 'noCriticalFindings', written: 'noCriticalSecurityFindings' } });
    expect(gateNames).toContain('allTestsPass');
  });

  it('checks an expr gate\'s CEL when the planning file is read: syntax, unknown variables, non-boolean results', () => {
    expect(parseGateCondition({ expr: 'features.all(f, f.coverage >= 90)' }).ok).toBe(true);
    expect(parseGateCondition({ expr: 'evidence.coverage > 90' }).ok).toBe(true);
    const broken = parseGateCondition({ expr: 'features.all(f, ' });
    expect(broken.ok ? '' : broken.message).toMatch(/^gate expr: CEL parse error: /);
    expect(parseGateCondition({ expr: 'feature.coverage > 90' })).toEqual({ ok: false, message: 'gate expr: CEL type error: Unknown variable: feature' });
    expect(parseGateCondition({ expr: '1 + 2' })).toEqual({ ok: false, message: 'gate expr: CEL type error: the expression gives int, not bool' });
  });

  it('refuses unknown names with a suggestion, and bad parameters', () => {
    expect(parseGateCondition('allTestPassed')).toEqual({ ok: false, message: 'unknown gate allTestPassed (did you mean allTestsPassed?)' });
    expect(parseGateCondition({ resilienceScoreAbove: 'high' }).ok).toBe(false);
    expect(parseGateCondition({ traceSpanPolicyCheck: '' }).ok).toBe(false);
    expect(parseGateCondition({ expr: '' }).ok).toBe(false);
  });
});
