import { describe, expect, it } from 'vitest';
import { ErrorCode, UsageError } from '../domain/errors/index.js';
import type { ProposedEvent } from '../domain/events/index.js';
import { InvalidEventError } from './invalid-event-error.js';
import { prepareAppend } from './prepare-append.js';

const proposed = (overrides: Record<string, unknown> = {}): ProposedEvent =>
  ({ eventId: 'e1', type: 'SprintPlanned', occurredAt: '2025-01-01T00:00:00Z', traceId: 'trace-1', data: { points: 3 }, ...overrides }) as ProposedEvent;

function problemOf(run: () => unknown): InvalidEventError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEventError);
    expect((error as InvalidEventError).code).toBe(ErrorCode.Validation);
    return error as InvalidEventError;
  }
  throw new Error('expected an InvalidEventError');
}

describe('prepareAppend', () => {
  it('fills the envelope defaults', () => {
    const [template] = prepareAppend('sprint-s1', [proposed()]).events;
    expect(template?.envelope).toEqual({
      eventId: 'e1', type: 'SprintPlanned', streamId: 'sprint-s1', occurredAt: '2025-01-01T00:00:00Z', traceId: 'trace-1',
      correlationId: 'e1', causationId: null, tenantId: 'default', projectId: 'default', data: { points: 3 },
    });
  });

  it('keeps what the caller gave, scope fields included', () => {
    const [template] = prepareAppend('sprint-s1', [
      proposed({ correlationId: 'c', causationId: 'e0', tenantId: 't', projectId: 'p', sprintId: 's1', durationMs: 12, reason: '' }),
    ]).events;
    expect(template?.envelope).toMatchObject({ correlationId: 'c', causationId: 'e0', tenantId: 't', projectId: 'p', sprintId: 's1', durationMs: 12, reason: '' });
  });

  it('reads expectedVersion: default any, no-stream, numbers from 0', () => {
    expect(prepareAppend('s', [proposed()]).expectedVersion).toBe('any');
    expect(prepareAppend('s', [proposed()], { expectedVersion: 'no-stream' }).expectedVersion).toBe('no-stream');
    expect(prepareAppend('s', [proposed()], { expectedVersion: 0 }).expectedVersion).toBe(0);
    expect(() => prepareAppend('s', [proposed()], { expectedVersion: -1 })).toThrow(UsageError);
    expect(() => prepareAppend('s', [proposed()], { expectedVersion: 1.5 })).toThrow(UsageError);
    expect(() => prepareAppend('s', [proposed()], { expectedVersion: 'latest' as never })).toThrow(/expectedVersion must be/);
  });

  it.each([
    ['an unknown type', { type: 'SprintExploded' }, /type "SprintExploded" is not an event type of the catalog/],
    ['a missing eventId', { eventId: undefined }, /eventId must be a non-empty string, not missing/],
    ['an empty traceId', { traceId: '' }, /traceId must be a non-empty string/],
    ['a numeric occurredAt', { occurredAt: 17 }, /occurredAt must be a non-empty string, not 17/],
    ['an array as data', { data: [1] }, /data must be a JSON object, not an array/],
    ['a Date in data', { data: { at: new Date(0) } }, /data\.at is a Date, not a plain JSON object/],
    ['NaN in data', { data: { n: Number.NaN } }, /data\.n is NaN, which JSON cannot hold/],
    ['undefined in an array', { data: { list: [1, undefined] } }, /data\.list\[1\] is undefined/],
    ['a function in data', { data: { f: () => 1 } }, /data\.f is a function/],
    ['a store-assigned field', { position: 3 }, /unknown field "position" \(the store assigns/],
    ['an empty correlationId', { correlationId: '' }, /correlationId must be a non-empty string when given/],
    ['a numeric causationId', { causationId: 5 }, /causationId must be an eventId or null/],
    ['a negative durationMs', { durationMs: -1 }, /durationMs must be a finite number from 0/],
    ['a lone surrogate in eventId', { eventId: 'a\ud800' }, /eventId holds a lone surrogate/],
  ])('refuses %s, naming the event', (_name, overrides, message) => {
    const error = problemOf(() => prepareAppend('sprint-s1', [proposed({ eventId: 'ok' }), proposed(overrides)]));
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/^cannot append to stream "sprint-s1": event 1: /);
    expect(error.index).toBe(1);
  });

  it('refuses a cyclic data object instead of overflowing the stack', () => {
    const data: Record<string, unknown> = {};
    data.self = data;
    expect(problemOf(() => prepareAppend('s', [proposed({ data })])).message).toMatch(/nested deeper than 64 levels/);
  });

  it('refuses a malformed call', () => {
    expect(problemOf(() => prepareAppend('', [proposed()])).message).toMatch(/stream id must be a non-empty, well-formed string/);
    expect(problemOf(() => prepareAppend('s', [])).message).toMatch(/non-empty array of events/);
    expect(problemOf(() => prepareAppend('s', [proposed(), proposed()])).message).toMatch(/eventId "e1" appears twice in one append/);
    expect(problemOf(() => prepareAppend('s', [null as never])).message).toMatch(/an event must be an object, not null/);
  });

  it('leaves undefined object members out of the canonical data, as JSON does', () => {
    const [template] = prepareAppend('s', [proposed({ data: { a: 1, b: undefined } })]).events;
    expect(template?.head).toContain('"data":{"a":1}');
  });
});
