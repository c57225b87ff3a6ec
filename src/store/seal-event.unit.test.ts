import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, eventTypeNames, genesisHash, type JsonObject } from '../domain/events/index.js';
import { computeEventHash } from './event-hash.js';
import { createEventTemplate, sealEvent, type EventEnvelope } from './seal-event.js';

const text = fc.string({ minLength: 1, maxLength: 12 });
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const envelopeArb: fc.Arbitrary<EventEnvelope> = fc
  .record({
    eventId: text,
    type: fc.constantFrom(...eventTypeNames),
    streamId: text,
    occurredAt: text,
    traceId: text,
    correlationId: text,
    causationId: fc.option(text, { nil: null }),
    tenantId: text,
    projectId: text,
    data: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })) as fc.Arbitrary<JsonObject>,
    sprintId: optional(text),
    milestoneId: optional(text),
    featureId: optional(text),
    agentId: optional(text),
    skillId: optional(text),
    moduleId: optional(text),
    executionId: optional(text),
    durationMs: optional(fc.nat()),
    reason: optional(fc.string()),
  })
  .map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as unknown as EventEnvelope);

const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);

describe('sealEvent', () => {
  it('hashes exactly the canonical JSON of the envelope without hash, and stores that text plus the hash', () => {
    fc.assert(
      fc.property(envelopeArb, fc.integer({ min: 1, max: 1e12 }), fc.integer({ min: 1, max: 1e9 }), hex64, (envelope, position, version, prevHash) => {
        const { event, text: stored } = sealEvent(createEventTemplate(envelope), position, version, prevHash);
        const { hash, ...withoutHash } = event;
        const canonical = canonicalJson(withoutHash);
        expect(hash).toBe(createHash('sha256').update(prevHash + canonical).digest('hex'));
        expect(stored).toBe(`${canonical.slice(0, -1)},"hash":"${hash}"}`);
        expect(computeEventHash(event)).toBe(hash);
        // What a reader parses back is the event, member for member (through JSON, as a reader sees it).
        expect(JSON.parse(stored)).toEqual(JSON.parse(JSON.stringify(event)));
      }),
    );
  });

  it('binds the hash to the place in the log: another position, version or prevHash gives another hash', () => {
    const template = createEventTemplate({
      eventId: 'e1', type: 'SprintPlanned', streamId: 'sprint-s1', occurredAt: '2025-01-01T00:00:00Z', traceId: 't',
      correlationId: 'e1', causationId: null, tenantId: 'default', projectId: 'default', data: { a: 1 },
    });
    const base = sealEvent(template, 1, 1, genesisHash).event.hash;
    expect(sealEvent(template, 2, 1, genesisHash).event.hash).not.toBe(base);
    expect(sealEvent(template, 1, 2, genesisHash).event.hash).not.toBe(base);
    expect(sealEvent(template, 1, 1, 'f'.repeat(64)).event.hash).not.toBe(base);
    expect(sealEvent(template, 1, 1, genesisHash).event.hash).toBe(base);
  });

  it('detects a changed envelope member', () => {
    const { event } = sealEvent(
      createEventTemplate({
        eventId: 'e1', type: 'SprintPlanned', streamId: 'sprint-s1', occurredAt: '2025-01-01T00:00:00Z', traceId: 't',
        correlationId: 'e1', causationId: null, tenantId: 'default', projectId: 'default', data: { points: 3 },
      }),
      1, 1, genesisHash,
    );
    expect(computeEventHash({ ...event, data: { points: 4 } })).not.toBe(event.hash);
    expect(computeEventHash({ ...event, tenantId: 'other' })).not.toBe(event.hash);
  });
});
