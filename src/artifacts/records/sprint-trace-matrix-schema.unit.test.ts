import { describe, expect, it } from 'vitest';
import { formatForTest } from '../testing/check-texts.js';
import { readSpecFixture, specFixtureNames } from '../testing/read-spec-fixture.js';
import { validateText } from '../validation/validate-text.js';

describe('sprint-trace-matrix schema', () => {
  it.each(specFixtureNames('sprint-trace-matrix-'))('accepts the spec variant %s as written', (name) => {
    const report = validateText(readSpecFixture(name), 'sprint-trace-matrix.json');
    expect(report.kind).toBe('sprint-trace-matrix');
    expect(report.diagnostics).toEqual([]);
  });

  it('accepts numeric coverage and refuses coverage that is not a percentage', () => {
    const ok = '{"sprintId": "s", "features": [{"id": "A", "coverage": 94.5}]}';
    expect(validateText(ok, 'm.json', { kind: 'sprint-trace-matrix' }).diagnostics).toEqual([]);
    const bad = '{\n  "sprintId": "s",\n  "features": [{"id": "A", "coverage": "high"}]\n}';
    expect(validateText(bad, 'm.json', { kind: 'sprint-trace-matrix' }).diagnostics.map(formatForTest)).toEqual([
      'm.json:3:40: error: coverage is a percentage such as "94%" or 94 (at features[0].coverage)',
    ]);
  });
});
