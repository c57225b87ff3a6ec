import { describe, expect, it } from 'vitest';
import { gateConditionSchema } from './gate-condition-schema.js';

const messages = (value: unknown): string[] => gateConditionSchema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

describe('gateConditionSchema', () => {
  it('accepts names, aliases, the coverage shorthand and one-key maps', () => {
    for (const gate of ['allTestsPass', 'sprint-trace-matrix.complete', 'testCoverageAbove90', { resilienceScoreAbove: 85 }, { traceSpanPolicyCheck: 'pass' }, { expr: 'evidence.coverage > 90' }]) {
      expect(messages(gate)).toEqual([]);
    }
  });

  it('refuses unknown names with a suggestion, and maps with a wrong parameter or several keys', () => {
    expect(messages('allTestPassed')).toEqual(['unknown gate allTestPassed (did you mean allTestsPassed?)']);
    expect(messages({ testCoverageAbove: 'high' })).toEqual(['gate testCoverageAbove needs a number, as in `testCoverageAbove: 85`']);
    expect(messages({ allTestsPassed: true, blueprintValidated: true })).toEqual(['a gate condition map must have exactly one key, the gate name']);
  });
});
