import { describe, expect, it } from 'vitest';
import { formatForTest } from '../testing/check-texts.js';
import { readSpecFixture } from '../testing/read-spec-fixture.js';
import { validateText } from '../validation/validate-text.js';

describe('fsm-context schema', () => {
  it("accepts the spec's agent execution context as written", () => {
    const report = validateText(readSpecFixture('fsm-context.json'), 'context.json');
    expect(report.kind).toBe('fsm-context');
    expect(report.diagnostics).toEqual([]);
  });

  it('needs the allowed skills as a list', () => {
    const text = '{"sprintId": "s", "currentState": "Active", "traceId": "t", "allowedSkills": "GenerateHandler"}';
    expect(validateText(text, 'c.json', { kind: 'fsm-context' }).diagnostics.map(formatForTest)).toEqual([
      'c.json:1:78: error: allowedSkills must be a list, got text "GenerateHandler" (at allowedSkills)',
    ]);
  });
});
