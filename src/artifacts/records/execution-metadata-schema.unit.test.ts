import { describe, expect, it } from 'vitest';
import { formatForTest } from '../testing/check-texts.js';
import { readSpecFixture, specFixtureNames } from '../testing/read-spec-fixture.js';
import { validateText } from '../validation/validate-text.js';

describe('execution-metadata schema', () => {
  it.each(specFixtureNames('execution-metadata-'))('accepts the spec variant %s as written', (name) => {
    const report = validateText(readSpecFixture(name), 'execution-metadata.json');
    expect(report.kind).toBe('execution-metadata');
    expect(report.diagnostics).toEqual([]);
  });

  it('reports a missing skill and a negative duration', () => {
    const text = '{"traceId": "t", "sprintId": "s", "agentId": "a", "status": "Success", "durationMs": -5}';
    expect(validateText(text, 'x.json', { kind: 'execution-metadata' }).diagnostics.map(formatForTest)).toEqual([
      'x.json:1:1: error: missing required key skillId (at skillId)',
      'x.json:1:86: error: durationMs must be at least 0, got -5 (at durationMs)',
    ]);
  });
});
