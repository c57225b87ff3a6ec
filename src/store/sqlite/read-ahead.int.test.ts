import { readdirSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../domain/errors/index.js';
import type { StoredEvent } from '../../domain/events/index.js';
import type { ReadPagesOptions } from '../event-store.js';
import { proposedEvent } from '../testing/describe-event-store.js';
import { openSqliteEventStore, type SqliteEventStore } from './sqlite-event-store.js';

const folders: string[] = [];
const stores: SqliteEventStore[] = [];

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/**
 * A log of `count` events over three streams, every seventh with non-ASCII text and every 401st
 * longer than the read-ahead parses at once (75 KB); one handle reads ahead from the first event,
 * one never does.
 */
async function logOf(count: number): Promise<{ file: string; ahead: SqliteEventStore; inline: SqliteEventStore }> {
  const folder = await mkdtemp(join(tmpdir(), 'kairos-read-ahead-'));
  folders.push(folder);
  const file = join(folder, 'events.db');
  const ahead = await openSqliteEventStore(file, { readAheadFrom: 1 });
  const inline = await openSqliteEventStore(file, { readAheadFrom: Infinity });
  stores.push(ahead, inline);
  for (let first = 1; first <= count; first += 500) {
    const events = Array.from({ length: Math.min(500, count - first + 1) }, (_, index) => {
      const n = first + index;
      return proposedEvent({ causationId: `cause-${n}`, data: { n, note: n % 7 === 0 ? `größe ✓ ${n}` : `plain ${n}`, ...(n % 401 === 0 ? { long: 'long '.repeat(15_000) } : {}) } });
    });
    await ahead.append(`sprint-s${first % 3}`, events);
  }
  return { file, ahead, inline };
}

async function readPages(store: SqliteEventStore, options: ReadPagesOptions<'hash' | 'prevHash' | 'causationId'>): Promise<Record<string, unknown>[][]> {
  const pages: Record<string, unknown>[][] = [];
  for await (const page of store.readPages(options)) pages.push(page.splice(0));
  return pages;
}

const threadCount = (): number => readdirSync('/proc/self/task').length;

describe('SQLite read-ahead', () => {
  it('reads the same pages on a worker thread as on the caller thread, without the members omitted', async () => {
    const { ahead, inline } = await logOf(2_345);
    for (const options of [{}, { fromPosition: 1000, toPosition: 1990, pageSize: 97 }, { fromPosition: 2300, toPosition: 9999 }]) {
      const expected = await readPages(inline, options);
      expect(await readPages(ahead, options)).toEqual(expected);
      const omitted = await readPages(ahead, { ...options, omit: ['hash', 'prevHash', 'causationId'] });
      expect(omitted.map((page) => page.length)).toEqual(expected.map((page) => page.length));
      omitted.flat().forEach((event, index) => {
        const { hash, prevHash, causationId, ...kept } = expected.flat()[index] as unknown as StoredEvent;
        expect([hash, prevHash, causationId].every((value) => typeof value === 'string')).toBe(true);
        expect(event).toEqual(kept);
      });
    }
    expect((await readPages(ahead, { fromPosition: 2346 })).length).toBe(0);
  });

  it('reads up to the head it found when it started, and ends its thread when the caller leaves early', async () => {
    const { ahead } = await logOf(1_200);
    const threadsBefore = threadCount();
    const positions: number[] = [];
    for await (const page of ahead.readPages({ pageSize: 100 })) {
      if (positions.length === 0) await ahead.append('sprint-late', [proposedEvent()]);
      positions.push(...page.map((event) => event.position));
    }
    expect(positions).toEqual(Array.from({ length: 1_200 }, (_, index) => index + 1));
    for await (const page of ahead.readPages({ pageSize: 100 })) {
      expect(page[0]?.position).toBe(1);
      break;
    }
    expect(threadCount()).toBe(threadsBefore);
  });

  it('fails with a StoreError naming the log when the worker cannot read it', async () => {
    const { file, ahead } = await logOf(10);
    await rename(file, `${file}.moved`);
    const error = await (async () => {
      try {
        for await (const page of ahead.readPages()) expect(page).toBeUndefined();
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(StoreError);
    expect((error as Error).message).toMatch(new RegExp(`cannot read the event log ${file}: .*unable to open`));
  });
});
