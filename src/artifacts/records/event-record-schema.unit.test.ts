import { describe, expect, it } from 'vitest';
import { formatForTest } from '../testing/check-texts.js';
import { readSpecFixture, specFixtureNames } from '../testing/read-spec-fixture.js';
import { validateText } from '../validation/validate-text.js';

describe('event schema', () => {
  it.each(specFixtureNames('event-'))('accepts the spec payload %s as written', (name) => {
    const report = validateText(readSpecFixture(name), name, { kind: 'event' });
    expect(report.diagnostics).toEqual([]);
    expect(validateText(readSpecFixture(name), name).kind).toBe('event');
  });

  it('accepts the stored envelope', () => {
    const stored = {
      eventId: 'e-1',
      type: 'SprintPlanned',
      streamId: 'sprint-sprint-1',
      version: 1,
      position: 1,
      occurredAt: '2025-05-12T10:00:00.000Z',
      traceId: 'trace-abc123',
      correlationId: 'e-1',
      causationId: null,
      tenantId: 'default',
      projectId: 'default',
      sprintId: 'sprint-1',
      data: { features: ['BookingFlow'] },
      prevHash: '0'.repeat(64),
      hash: 'a'.repeat(64),
    };
    expect(validateText(JSON.stringify(stored, null, 2), 'event.json').diagnostics).toEqual([]);
  });

  it('refuses unknown event types and payloads missing what their event needs, with JSON positions', () => {
    const text = '{\n  "event": "SprintPlaned",\n  "timestamp": "2025-05-12"\n}\n';
    expect(validateText(text, 'e.json', { kind: 'event' }).diagnostics.map(formatForTest)).toEqual([
      'e.json:2:12: error: unknown event SprintPlaned (did you mean SprintPlanned?); the event log only accepts catalog events (at event)',
      'e.json:3:16: error: timestamp must be an ISO-8601 date-time with a zone, such as 2025-05-12T10:00:00Z, got 2025-05-12 (at timestamp)',
    ]);
    const closed = '{"event": "SprintClosed", "traceId": "t"}';
    expect(validateText(closed, 'e.json').diagnostics.map(formatForTest)).toEqual(['e.json:1:1: error: a SprintClosed event needs sprintId']);
  });
});
