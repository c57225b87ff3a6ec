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

  it('reports a missing agent and a negative duration', () => {
    const text = '{"traceId": "t", "sprintId": "s", "skillId": "k", "status": "Success", "durationMs": -5}';
    expect(validateText(text, 'x.json', { kind: 'execution-metadata' }).diagnostics.map(formatForTest)).toEqual([
      'x.json:1:1: error: missing required key agentId (at agentId)',
      'x.json:1:86: error: durationMs must be at least 0, got -5 (at durationMs)',
    ]);
  });

  it('accepts the file kairos run keeps, and locates a bad record in it', () => {
    const record = { executionId: 'exec:s#1:qa', traceId: 't', sprintId: 's', agentId: 'qa', features: ['A'], role: 'qa', status: 'Success', durationMs: 12, artifacts: [], attempt: 1, startedAt: '2026-11-24T10:00:00.000Z', endedAt: '2026-11-24T10:00:00.012Z', logPosition: 9 };
    expect(validateText(JSON.stringify({ moduleId: null, milestoneId: 'm1', executions: [record] }), 'execution-metadata.json').diagnostics).toEqual([]);
    const bad = JSON.stringify({ moduleId: 'Booking', executions: [{ ...record, attempt: 0 }] }, null, 2);
    expect(validateText(bad, 'execution-metadata.json', { kind: 'execution-metadata' }).diagnostics.map(formatForTest)).toEqual(['execution-metadata.json:16:18: error: attempt must be at least 1, got 0 (at executions[0].attempt)']);
  });
});
