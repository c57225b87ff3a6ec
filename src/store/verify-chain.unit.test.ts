import { describe, expect, it } from 'vitest';
import { genesisHash, type StoredEvent } from '../domain/events/index.js';
import type { ReadAllOptions } from './event-store.js';
import { computeEventHash } from './event-hash.js';
import { prepareAppend } from './prepare-append.js';
import { sealEvent } from './seal-event.js';
import { verifyChain } from './verify-chain.js';

/** A chained log of `count` events over three streams, built the way a store builds it. */
function chain(count: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  const versions = new Map<string, number>();
  let prevHash = genesisHash;
  for (let i = 1; i <= count; i++) {
    const streamId = `sprint-s${i % 3}`;
    const version = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, version);
    const [template] = prepareAppend(streamId, [
      { eventId: `e${i}`, type: 'SprintCheckpoint', occurredAt: '2025-01-01T00:00:00Z', traceId: 't', data: { i } },
    ]).events;
    const { event } = sealEvent(template!, i, version, prevHash);
    events.push(event);
    prevHash = event.hash;
  }
  return events;
}

/** The two reads verifyChain needs, over an array; counts pages to show it pages. */
function reader(events: StoredEvent[], head = { position: events.at(-1)?.position ?? 0, hash: events.at(-1)?.hash ?? genesisHash }) {
  const pages: number[] = [];
  return {
    pages,
    head: () => Promise.resolve(head),
    readAll: ({ fromPosition = 1, limit = 1000 }: ReadAllOptions = {}) => {
      const page = events.filter((e) => e.position >= fromPosition).slice(0, limit);
      pages.push(page.length);
      return Promise.resolve(page.map((e) => structuredClone(e)));
    },
  };
}

const rehash = (event: StoredEvent): StoredEvent => ({ ...event, hash: computeEventHash(event) });

describe('verifyChain', () => {
  it('accepts an intact log, reading it in pages', async () => {
    const events = chain(25);
    const log = reader(events);
    expect(await verifyChain(log, { pageSize: 10 })).toEqual({ ok: true, events: 25, head: { position: 25, hash: events[24]?.hash } });
    expect(log.pages).toEqual([10, 10, 5]);
  });

  it('accepts an empty log', async () => {
    expect(await verifyChain(reader([]))).toEqual({ ok: true, events: 0, head: { position: 0, hash: genesisHash } });
  });

  it('names the first event whose content was changed', async () => {
    const events = chain(10);
    events[6] = { ...events[6]!, data: { i: 99 } };
    events[8] = { ...events[8]!, data: { i: 99 } };
    expect(await verifyChain(reader(events), { pageSize: 4 })).toMatchObject({ ok: false, position: 7, eventId: 'e7', reason: expect.stringMatching(/does not match the envelope/) });
  });

  it('names the event after one that was rewritten with a fresh hash', async () => {
    const events = chain(10);
    events[3] = rehash({ ...events[3]!, data: { i: 99 } });
    expect(await verifyChain(reader(events))).toMatchObject({ ok: false, position: 5, eventId: 'e5', reason: expect.stringMatching(/prevHash .* is not the hash of the event before it/) });
  });

  it('names a gap in positions', async () => {
    const events = chain(10);
    events.splice(4, 1);
    expect(await verifyChain(reader(events, { position: 10, hash: events.at(-1)!.hash }))).toMatchObject({ ok: false, position: 6, eventId: 'e6', reason: 'expected position 5, found 6: events are missing' });
  });

  it('names a version that skips within its stream, even when hashes were recomputed', async () => {
    const events = chain(6);
    let prevHash = genesisHash;
    const forged = events.map((event) => {
      const next = rehash({ ...event, prevHash, version: event.eventId === 'e4' ? 5 : event.version });
      prevHash = next.hash;
      return next;
    });
    expect(await verifyChain(reader(forged))).toMatchObject({ ok: false, position: 4, eventId: 'e4', reason: 'stream sprint-s1 should be at version 2 here, found version 5' });
  });

  it('names an envelope that does not match the schema', async () => {
    const events = chain(3);
    (events[1] as unknown as Record<string, unknown>).type = 'Nonsense';
    expect(await verifyChain(reader(events))).toMatchObject({ ok: false, position: 2, eventId: 'e2', reason: expect.stringMatching(/^the envelope does not match the schema: type: /) });
  });

  it('reports a log that ends before its head, or a head whose hash is not the last hash', async () => {
    const events = chain(5);
    expect(await verifyChain(reader(events.slice(0, 3), { position: 5, hash: events[4]!.hash }))).toMatchObject({ ok: false, position: 4, eventId: null });
    expect(await verifyChain(reader(events, { position: 5, hash: 'f'.repeat(64) }))).toMatchObject({ ok: false, position: 5, eventId: null });
  });
});
