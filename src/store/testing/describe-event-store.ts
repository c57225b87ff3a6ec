import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConcurrencyError, ErrorCode, StoreError, type KairosError } from '../../domain/errors/index.js';
import { genesisHash, type ProposedEvent, type StoredEvent } from '../../domain/events/index.js';
import { EventIdConflictError } from '../event-id-conflict-error.js';
import type { AppendResult, EventStore } from '../event-store.js';
import { InvalidEventError } from '../invalid-event-error.js';
import { verifyChain } from '../verify-chain.js';
import { spawnStoreChild, type ChildMessage, type StoreChild } from './spawn-store-child.js';

/**
 * A fresh, empty log for one test, and what the suite needs to reach it from elsewhere. Children
 * reach it with `openEventStore(url, { workspace })` from the built store (`dist/`).
 */
export interface EventStoreFixture {
  /** A handle on the fresh log. */
  readonly store: EventStore;
  /** The store URL of the log, as `openEventStore` reads it. */
  readonly url: string;
  /** The workspace a relative URL is resolved against. */
  readonly workspace: string;
  /** Opens another handle (another connection) on the same log; `dispose` closes it. */
  openAnother(): Promise<EventStore>;
  /** Closes every handle and overwrites the log with bytes that are not a log. */
  corrupt(): Promise<void>;
  /** Closes every handle and marks the log as written with schema `version`. */
  stampSchemaVersion(version: number): Promise<void>;
  /**
   * Whether some connection holds the log's write lock at this moment (a transaction is being
   * written). Lets the crash test kill a child in the middle of a transaction rather than between
   * two; without it the kill lands wherever the child happens to be.
   */
  isWriting?(): Promise<boolean>;
  /** Closes every handle and deletes the log. */
  dispose(): Promise<void>;
}

export type EventStoreFactory = () => Promise<EventStoreFixture>;

let eventCounter = 0;

/** A valid proposed event; ids are unique unless given. */
export function proposedEvent(overrides: Partial<ProposedEvent> = {}): ProposedEvent {
  eventCounter++;
  return {
    eventId: `evt-${process.pid}-${eventCounter}`,
    type: 'SprintCheckpoint',
    occurredAt: '2025-01-01T00:00:00.000Z',
    traceId: 'trace-contract',
    data: { n: eventCounter },
    ...overrides,
  };
}

async function readWholeLog(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (;;) {
    const page = await store.readAll({ fromPosition: events.length + 1, limit: 500 });
    if (page.length === 0) return events;
    events.push(...page);
  }
}

async function expectIntact(store: EventStore): Promise<void> {
  const report = await verifyChain(store);
  expect(report).toMatchObject({ ok: true });
}

/** Collects a subscription until `until` says stop (the stopping event included). */
async function collect(subscription: AsyncIterable<StoredEvent>, until: (event: StoredEvent) => boolean): Promise<StoredEvent[]> {
  const seen: StoredEvent[] = [];
  for await (const event of subscription) {
    seen.push(event);
    if (until(event)) break;
  }
  return seen;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * The contract every `EventStore` implementation passes: run it once per implementation with a
 * factory that gives a fresh log per test. Tests that spawn child processes need `npm run build` first.
 *
 * @example describeEventStore('SQLite', createSqliteFixture)
 */
export function describeEventStore(name: string, factory: EventStoreFactory): void {
  describe(`EventStore contract: ${name}`, () => {
    let fixture: EventStoreFixture;
    let store: EventStore;
    const children: StoreChild[] = [];

    beforeEach(async () => {
      fixture = await factory();
      store = fixture.store;
    });

    afterEach(async () => {
      for (const child of children.splice(0)) {
        child.kill('SIGKILL');
        await child.exited;
      }
      await fixture.dispose();
    });

    const child = async (mode: string, ...args: string[]): Promise<StoreChild> => {
      const started = await spawnStoreChild(fixture.url, fixture.workspace, mode, args);
      children.push(started);
      return started;
    };

    describe('append and read', () => {
      it('starts empty', async () => {
        expect(await store.head()).toEqual({ position: 0, hash: genesisHash });
        expect(await store.readAll()).toEqual([]);
        expect(await store.readStream('sprint-s1')).toEqual([]);
        expect(await verifyChain(store)).toEqual({ ok: true, events: 0, head: { position: 0, hash: genesisHash } });
      });

      it('round-trips events, fills the envelope defaults and chains the hashes', async () => {
        const first = proposedEvent({ eventId: 'e1', type: 'SprintPlanned', data: { points: 3, tags: ['a'] } });
        const second = proposedEvent({
          eventId: 'e2', type: 'SprintStarted', correlationId: 'c1', causationId: 'e1', tenantId: 'acme', projectId: 'shop',
          sprintId: 's1', agentId: 'qa', durationMs: 15, reason: 'scope approved',
        });
        const result = await store.append('sprint-s1', [first, second], { expectedVersion: 'no-stream' });
        expect(result).toMatchObject({ streamId: 'sprint-s1', version: 2, duplicate: false });
        const [one, two] = result.events;
        expect(one).toMatchObject({
          eventId: 'e1', type: 'SprintPlanned', streamId: 'sprint-s1', version: 1, position: 1, occurredAt: first.occurredAt,
          traceId: first.traceId, correlationId: 'e1', causationId: null, tenantId: 'default', projectId: 'default',
          data: { points: 3, tags: ['a'] }, prevHash: genesisHash,
        });
        expect(two).toMatchObject({
          eventId: 'e2', version: 2, position: 2, correlationId: 'c1', causationId: 'e1', tenantId: 'acme', projectId: 'shop',
          sprintId: 's1', agentId: 'qa', durationMs: 15, reason: 'scope approved', prevHash: one?.hash,
        });
        expect(one?.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(two?.hash).not.toBe(one?.hash);

        const other = await store.append('planning', [proposedEvent({ eventId: 'e3' })]);
        expect(other.events[0]).toMatchObject({ streamId: 'planning', version: 1, position: 3, prevHash: two?.hash });

        expect(await store.readStream('sprint-s1')).toEqual(result.events);
        expect(await store.readAll()).toEqual([...result.events, ...other.events]);
        expect(await store.head()).toEqual({ position: 3, hash: other.events[0]?.hash });
        await expectIntact(store);
      });

      it('reads the log in pages, fromPosition inclusive, 1,000 events by default', async () => {
        await store.append('sprint-big', range(1, 1005).map((n) => proposedEvent({ data: { n } })));
        expect((await store.readAll()).map((e) => e.position)).toEqual(range(1, 1000));
        expect((await store.readAll({ fromPosition: 1001 })).map((e) => e.position)).toEqual(range(1001, 1005));
        const paged: number[] = [];
        for (let from = 1; ; ) {
          const page = await store.readAll({ fromPosition: from, limit: 300 });
          if (page.length === 0) break;
          expect(page.length).toBeLessThanOrEqual(300);
          paged.push(...page.map((e) => e.position));
          from = (page.at(-1) as StoredEvent).position + 1;
        }
        expect(paged).toEqual(range(1, 1005));
        expect(await store.readAll({ fromPosition: 1006 })).toEqual([]);
        expect((await store.readAll({ fromPosition: 7, limit: 2 })).map((e) => e.position)).toEqual([7, 8]);
      });

      it('reads a range in pages, both ends inclusive, up to the head; a caller may empty a page or leave early', async () => {
        await store.append('sprint-big', range(1, 1005).map((n) => proposedEvent({ data: { n } })));
        const pages = async (options: Parameters<EventStore['readPages']>[0]): Promise<number[][]> => {
          const read: number[][] = [];
          for await (const page of store.readPages(options)) read.push(page.splice(0).map((e) => e.position));
          return read;
        };
        expect((await pages({})).map((page) => page.length)).toEqual([1000, 5]);
        expect(await pages({ fromPosition: 3, toPosition: 9, pageSize: 3 })).toEqual([[3, 4, 5], [6, 7, 8], [9]]);
        expect((await pages({ fromPosition: 1000, toPosition: 5000 })).flat()).toEqual(range(1000, 1005));
        expect(await pages({ fromPosition: 1006 })).toEqual([]);
        const first: number[] = [];
        for await (const page of store.readPages({ pageSize: 10 })) {
          first.push(...page.map((e) => e.position));
          break;
        }
        expect(first).toEqual(range(1, 10));
      });

      it('reads pages with or without the members a caller omits, and every other member as stored', async () => {
        await store.append('sprint-s1', range(1, 30).map((n) => proposedEvent({ causationId: `cause-${n}`, data: { n, text: 'ünïcode ✓' } })));
        const stored = await store.readAll();
        const read: Record<string, unknown>[] = [];
        for await (const page of store.readPages({ pageSize: 7, omit: ['hash', 'prevHash', 'causationId'] })) read.push(...page);
        expect(read).toHaveLength(30);
        read.forEach((event, index) => {
          const { hash, prevHash, causationId, ...kept } = stored[index] as StoredEvent;
          expect(event).toMatchObject(kept);
          for (const [member, value] of Object.entries({ hash, prevHash, causationId })) if (member in event) expect(event[member]).toEqual(value);
        });
      });

      it('reads one stream in version order, from a version, up to a limit', async () => {
        for (let i = 0; i < 6; i++) await store.append(i % 2 === 0 ? 'sprint-a' : 'sprint-b', [proposedEvent()]);
        const a = await store.readStream('sprint-a');
        expect(a.map((e) => [e.version, e.position])).toEqual([[1, 1], [2, 3], [3, 5]]);
        expect((await store.readStream('sprint-a', { fromVersion: 2 })).map((e) => e.version)).toEqual([2, 3]);
        expect((await store.readStream('sprint-a', { fromVersion: 2, limit: 1 })).map((e) => e.version)).toEqual([2]);
        expect(await store.readStream('sprint-none')).toEqual([]);
      });
    });

    describe('expected versions', () => {
      it('accepts the current version as a number, no-stream for a new stream, and any', async () => {
        expect((await store.append('s', [proposedEvent()], { expectedVersion: 0 })).version).toBe(1);
        expect((await store.append('s', [proposedEvent(), proposedEvent()], { expectedVersion: 1 })).version).toBe(3);
        expect((await store.append('t', [proposedEvent()], { expectedVersion: 'no-stream' })).version).toBe(1);
        expect((await store.append('s', [proposedEvent()], { expectedVersion: 'any' })).version).toBe(4);
        expect((await store.append('s', [proposedEvent()])).version).toBe(5);
      });

      it('throws ConcurrencyError on a mismatch and writes nothing', async () => {
        await store.append('s', [proposedEvent(), proposedEvent()]);
        const before = await store.head();
        for (const expectedVersion of [1, 3, 0, 'no-stream'] as const) {
          const error = await rejectionOf(store.append('s', [proposedEvent(), proposedEvent()], { expectedVersion }));
          expect(error).toBeInstanceOf(ConcurrencyError);
          expect(error).toMatchObject({ code: ErrorCode.Concurrency, streamId: 's', expectedVersion, actualVersion: 2 });
        }
        const missing = await rejectionOf(store.append('new', [proposedEvent()], { expectedVersion: 4 }));
        expect(missing).toMatchObject({ streamId: 'new', actualVersion: 0 });
        expect(await store.head()).toEqual(before);
        expect(await store.readStream('new')).toEqual([]);
      });

      it('lets exactly one of two same-tick appends at one expected version win', async () => {
        const settled = await Promise.allSettled([
          store.append('race', [proposedEvent({ eventId: 'a1' }), proposedEvent({ eventId: 'a2' })], { expectedVersion: 'no-stream' }),
          store.append('race', [proposedEvent({ eventId: 'b1' })], { expectedVersion: 'no-stream' }),
        ]);
        expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected']);
        expect((settled[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
        expect((await store.readStream('race')).map((e) => e.eventId)).toEqual(['a1', 'a2']);
      });
    });

    describe('idempotency by eventId', () => {
      it('returns the stored events of a retried append, marked duplicate, and writes nothing', async () => {
        const events = [proposedEvent({ eventId: 'r1' }), proposedEvent({ eventId: 'r2' })];
        const original = await store.append('s', events, { expectedVersion: 'no-stream' });
        await store.append('s', [proposedEvent()]);
        const head = await store.head();
        for (const expectedVersion of ['no-stream', 'any', 7] as const) {
          const retried = await store.append('s', events, { expectedVersion });
          expect(retried).toEqual({ ...original, duplicate: true });
        }
        expect(await store.head()).toEqual(head);
        await expectIntact(store);
      });

      it('answers two identical calls made in the same tick once each: one writes, one is the duplicate', async () => {
        const events = [proposedEvent({ eventId: 'twice' })];
        const [a, b] = await Promise.all([store.append('s', events, { expectedVersion: 0 }), store.append('s', events, { expectedVersion: 0 })]);
        expect([a.duplicate, b.duplicate]).toEqual([false, true]);
        expect(b.events).toEqual(a.events);
        expect((await store.head()).position).toBe(1);
      });

      it('refuses a call of which only some eventIds are stored, or whose eventId lives in another stream', async () => {
        await store.append('s', [proposedEvent({ eventId: 'x1' }), proposedEvent({ eventId: 'x2' })]);
        const head = await store.head();
        const partial = await rejectionOf(store.append('s', [proposedEvent({ eventId: 'x1' }), proposedEvent({ eventId: 'x3' })]));
        expect(partial).toBeInstanceOf(EventIdConflictError);
        expect(partial).toMatchObject({ code: ErrorCode.Refused, storedEventIds: ['x1'] });
        expect((partial as Error).message).toMatch(/1 of its 2 eventIds are already stored \("x1"\) but 1 are not/);
        const elsewhere = await rejectionOf(store.append('t', [proposedEvent({ eventId: 'x2' })]));
        expect(elsewhere).toBeInstanceOf(EventIdConflictError);
        expect((elsewhere as Error).message).toMatch(/eventId "x2" is already stored in stream "s"/);
        expect(await store.head()).toEqual(head);
        expect(await store.readStream('t')).toEqual([]);
      });
    });

    describe('atomicity', () => {
      it('writes nothing of a call with an invalid event, and says which event', async () => {
        const error = await rejectionOf(store.append('s', [proposedEvent(), proposedEvent(), proposedEvent({ type: 'Bogus' as never })]));
        expect(error).toBeInstanceOf(InvalidEventError);
        expect((error as Error).message).toMatch(/event 2: type "Bogus" is not an event type/);
        expect(await store.head()).toEqual({ position: 0, hash: genesisHash });
      });

      it('undoes only the failing call of a batch: a multi-event call failing on its last event leaves no row', async () => {
        await store.append('other', [proposedEvent({ eventId: 'taken' })]);
        const calls: Promise<AppendResult>[] = [
          store.append('a', [proposedEvent({ eventId: 'a1' }), proposedEvent({ eventId: 'a2' })]),
          store.append('b', [proposedEvent({ eventId: 'b1' }), proposedEvent({ eventId: 'b2' }), proposedEvent({ eventId: 'taken' })]),
          store.append('c', [proposedEvent({ eventId: 'c1' })], { expectedVersion: 5 }),
          store.append('d', [proposedEvent({ eventId: 'd1' }), proposedEvent({ eventId: 'd2' })], { expectedVersion: 'no-stream' }),
        ];
        const settled = await Promise.allSettled(calls);
        expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
        expect((settled[1] as PromiseRejectedResult).reason).toBeInstanceOf(EventIdConflictError);
        expect((settled[2] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
        const log = await readWholeLog(store);
        expect(log.map((e) => e.eventId)).toEqual(['taken', 'a1', 'a2', 'd1', 'd2']);
        expect(log.map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);
        await expectIntact(store);
        // The chain head moved on correctly after the undone call.
        expect((await store.append('b', [proposedEvent({ eventId: 'b1' })])).events[0]).toMatchObject({ position: 6, prevHash: log[4]?.hash });
      });
    });

    describe('several handles and processes', () => {
      it('sees what another handle committed: stream versions and the chain head follow it', async () => {
        const other = await fixture.openAnother();
        await store.append('s', [proposedEvent()], { expectedVersion: 0 });
        await other.append('s', [proposedEvent()], { expectedVersion: 1 });
        await store.append('s', [proposedEvent()], { expectedVersion: 2 });
        await other.append('t', [proposedEvent()], { expectedVersion: 0 });
        await expect(store.append('s', [proposedEvent()], { expectedVersion: 2 })).rejects.toBeInstanceOf(ConcurrencyError);
        expect((await store.append('t', [proposedEvent()], { expectedVersion: 1 })).events[0]?.position).toBe(5);
        expect(await other.head()).toEqual(await store.head());
        await expectIntact(store);
      });

      it('lets exactly one of several OS processes win each stream version: no lost or duplicate writes', async () => {
        const streams = ['sprint-p1', 'sprint-p2', 'sprint-p3'];
        const versions = 25;
        const contenders = await Promise.all(['c1', 'c2', 'c3'].map((n) => child('contend', n, streams.join(','), String(versions))));
        for (const contender of contenders) contender.go();
        const reports = await Promise.all(contenders.map(async (c) => {
          await c.waitFor((m) => m.done === true);
          expect((await c.exited).code).toBe(0);
          return c.messages;
        }));
        const wins = reports.flat().filter((m) => m.won !== undefined).map((m) => m.won as { streamId: string; version: number; eventId: string });
        expect(wins).toHaveLength(streams.length * versions);
        for (const streamId of streams) {
          const stored = await store.readStream(streamId);
          expect(stored.map((e) => e.version)).toEqual(range(1, versions));
          const won = wins.filter((w) => w.streamId === streamId).sort((x, y) => x.version - y.version);
          expect(stored.map((e) => e.eventId)).toEqual(won.map((w) => w.eventId));
        }
        // Each contender tried every version of every stream once: all attempts are wins or ConcurrencyErrors.
        const done = reports.map((r) => r.find((m) => m.done === true) as ChildMessage);
        expect(done.reduce((sum, m) => sum + (m.wins as number) + (m.losses as number), 0)).toBe(3 * streams.length * versions);
        expect((await store.head()).position).toBe(streams.length * versions);
        await expectIntact(store);
      });

      it('loses no write when several OS processes and this one append at once', async () => {
        const appenders = await Promise.all(['a1', 'a2'].map((n) => child('any', n, 'sprint-q1,sprint-q2', '150')));
        for (const appender of appenders) appender.go();
        const local = Promise.all(range(1, 60).map((n) => store.append(n % 2 === 0 ? 'sprint-q1' : 'sprint-q2', [proposedEvent({ eventId: `local-${n}` })])));
        await local;
        for (const appender of appenders) expect((await appender.exited).code).toBe(0);
        const log = await readWholeLog(store);
        expect(log).toHaveLength(360);
        expect(new Set(log.map((e) => e.eventId)).size).toBe(360);
        for (const streamId of ['sprint-q1', 'sprint-q2']) {
          expect((await store.readStream(streamId)).map((e) => e.version)).toEqual(range(1, 180));
        }
        await expectIntact(store);
      });
    });

    describe('subscriptions', () => {
      it('delivers the past, then live events, from an inclusive fromPosition, until aborted', async () => {
        await store.append('s', [proposedEvent(), proposedEvent(), proposedEvent()]);
        const controller = new AbortController();
        const seen: number[] = [];
        const reading = (async () => {
          for await (const event of store.subscribe({ fromPosition: 2, signal: controller.signal })) {
            seen.push(event.position);
            if (event.position === 5) controller.abort();
          }
        })();
        await store.append('s', [proposedEvent()]);
        await store.append('t', [proposedEvent()]);
        await reading;
        expect(seen).toEqual([2, 3, 4, 5]);
      });

      it('ends a waiting subscription when the store is closed', async () => {
        const other = await fixture.openAnother();
        const seen: StoredEvent[] = [];
        let firstSeen: () => void = () => undefined;
        const first = new Promise<void>((resolve) => (firstSeen = resolve));
        const reading = (async () => {
          for await (const event of other.subscribe()) {
            seen.push(event);
            firstSeen();
          }
        })();
        await other.append('s', [proposedEvent()]);
        await first;
        // Now the subscription waits for more; closing must end it rather than leave it hanging.
        await other.close();
        await reading;
        expect(seen.map((e) => e.position)).toEqual([1]);
        await expect(other.append('s', [proposedEvent()])).rejects.toBeInstanceOf(StoreError);
      });

      it('sees every position exactly once, in order, while many appenders race it (here and in other processes)', async () => {
        const other = await fixture.openAnother();
        const last = (event: StoredEvent): boolean => event.eventId === 'the-end';
        // One subscriber on the appending handle, one on another connection that must notice commits itself.
        const mine = collect(store.subscribe({ fromPosition: 1 }), last);
        const theirs = collect(other.subscribe({ fromPosition: 1 }), last);
        const appenders = await Promise.all(['s1', 's2'].map((n) => child('any', n, 'sprint-r1,sprint-r2,sprint-r3', '120')));
        for (const appender of appenders) appender.go();
        const loops = range(1, 12).map(async (loop) => {
          const handle = loop % 3 === 0 ? other : store;
          for (let i = 0; i < 15; i++) {
            const size = 1 + ((loop + i) % 3);
            await handle.append(`sprint-r${(loop + i) % 4}`, range(1, size).map(() => proposedEvent()));
          }
        });
        await Promise.all(loops);
        for (const appender of appenders) expect((await appender.exited).code).toBe(0);
        const end = await store.append('planning', [proposedEvent({ eventId: 'the-end' })]);
        const total = end.events[0]?.position as number;
        expect(total).toBe(240 + range(1, 12).reduce((sum, loop) => sum + range(0, 14).reduce((s, i) => s + 1 + ((loop + i) % 3), 0), 0) + 1);
        const expected = (await readWholeLog(store)).map((e) => e.eventId);
        for (const seen of [await mine, await theirs]) {
          expect(seen.map((e) => e.position)).toEqual(range(1, total));
          expect(seen.map((e) => e.eventId)).toEqual(expected);
        }
      });
    });

    describe('crashes and bad files', () => {
      it('shows no partial batch after a process is killed (SIGKILL) mid-append, at several points', async () => {
        const batchSize = 150;
        const committed = new Set<string>();
        for (const [cycle, killAfter] of [1, 2, 4, 7, 11].entries()) {
          const appender = await child('batches', `k${cycle}`, String(batchSize), '600', '4');
          appender.go();
          await appender.waitFor((m) => m.committed !== undefined, killAfter);
          if (fixture.isWriting !== undefined) {
            // Wait (a bounded number of turns, no timers) until the child is inside a transaction.
            let writing = false;
            for (let turn = 0; turn < 100_000 && !writing; turn++) {
              writing = await fixture.isWriting();
              if (!writing) await new Promise((resolve) => setImmediate(resolve));
            }
            expect(writing, 'the child was never seen writing').toBe(true);
          }
          appender.kill('SIGKILL');
          const exit = await appender.exited;
          expect(exit.signal).toBe('SIGKILL');
          const reported = appender.messages.filter((m) => m.committed !== undefined).map((m) => m.committed as string);
          const submitted = appender.messages.filter((m) => m.submitted !== undefined).map((m) => m.submitted as string);
          // Work was in flight when the child died: at least one call had been made but not acknowledged.
          expect(submitted.length).toBeGreaterThan(reported.length);
          for (const batch of reported) committed.add(batch);

          const reopened = await fixture.openAnother();
          expect(await verifyChain(reopened)).toMatchObject({ ok: true });
          const batches = new Map<string, StoredEvent[]>();
          for (const event of await readWholeLog(reopened)) {
            const batch = event.data.batch as string;
            batches.set(batch, [...(batches.get(batch) ?? []), event]);
          }
          for (const [batch, events] of batches) {
            expect(events.map((e) => e.data.index), `batch ${batch}`).toEqual(range(0, batchSize - 1));
            expect(events.map((e) => e.position)).toEqual(range(events[0]?.position as number, (events[0]?.position as number) + batchSize - 1));
          }
          // An acknowledged append is durable.
          for (const batch of committed) expect(batches.has(batch), `acknowledged batch ${batch}`).toBe(true);
        }
      });

      it('refuses a file that is not a log with a clear StoreError', async () => {
        await store.append('s', [proposedEvent()]);
        await fixture.corrupt();
        const error = await rejectionOf(fixture.openAnother());
        expect(error).toBeInstanceOf(StoreError);
        expect((error as KairosError).message).toMatch(/is not a Kairos event log/);
      });

      it('refuses a log written by a newer schema with a clear StoreError', async () => {
        await store.append('s', [proposedEvent()]);
        await fixture.stampSchemaVersion(99);
        const error = await rejectionOf(fixture.openAnother());
        expect(error).toBeInstanceOf(StoreError);
        expect((error as KairosError).message).toMatch(/was written by a newer Kairos \(schema 99 > \d+\)/);
      });
    });
  });
}
