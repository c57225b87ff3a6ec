// Scenario `store`: the SQLite EventStore against raw better-sqlite3 on the same machine, in one run.
//
// Append: 1,000,000 events (about 200 bytes of data each) over 10,000 interleaved streams. The store
// gets 1,000 concurrent append() calls of one event per round (its batcher makes one transaction of
// them); the raw baseline inserts the same rows with one prepared statement, 1,000 rows per
// BEGIN IMMEDIATE transaction, into the same table, indexes and pragmas, rows serialised with
// JSON.stringify. Rounds alternate between the two so that disk and checkpoint effects hit both alike;
// only the writing is timed, not making the input.
//
// Read: the whole log in pages of 1,000, store.readAll() against a raw SELECT of the same column and
// JSON.parse; three passes each, alternating, median rate. A last, informational figure reads
// 200,000 events through the zod envelope schema, to show what validating on the hot path would cost.
//
// Event ids are time-ordered (UUIDv7-shaped), as an id source should make them: random UUIDv4 ids
// scatter the unique event_id index and make both sides about twice as slow.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { EventType, ProposedEvent } from '../src/domain/events/index.js';
import { genesisHash } from '../src/domain/events/index.js';
import { openSqliteEventStore, resolveSqliteEventStoreOptions, type SqliteEventStore } from '../src/store/sqlite/index.js';
import { connectionPragmas } from '../src/store/sqlite/sqlite-schema.js';
import { storedEventSchema } from '../src/store/stored-event-schema.js';
import { compareFigure, median, plainFigure, type BenchFigure } from './bench-figure.js';

const scenario = 'store';
const totalEvents = Number(process.env.KAIROS_BENCH_EVENTS ?? 1_000_000);
const streamCount = 10_000;
const perRound = 1_000;
const readPage = 1_000;
const readPasses = 3;
// The zod figure is informational; a fifth of the log gives a steady rate and keeps the run short.
const zodEvents = 200_000;
const type: EventType = 'SprintCheckpoint';
const occurredAt = '2026-01-01T00:00:00.000Z';
const traceId = 'trace-3f9a1c0d2b7e';
const note = 'checkpoint reached; artifacts produced and verified by the QA agent, waiting for gates';

const log = (text: string): void => void process.stderr.write(`[bench store] ${text}\n`);

function eventId(i: number): string {
  const hex = i.toString(16).padStart(12, '0');
  return `0198c2a0-0000-7000-8000-${hex}`;
}

function streamOf(i: number): string {
  return `sprint-s${String(i % streamCount).padStart(5, '0')}`;
}

function dataOf(i: number): ProposedEvent['data'] {
  return { sprintId: `s${i % streamCount}`, featureId: `F-${i % 977}`, step: i, note, tags: ['qa', 'gate', 'checkpoint'], passed: i % 7 !== 0 };
}

interface RawLog {
  db: Database.Database;
  insert: Database.Statement<[number, string, string, number, string, string, string, string, string]>;
  begin: Database.Statement<[]>;
  commit: Database.Statement<[]>;
}

/** Same file layout as the store: the schema is made by opening the store once, pragmas from the same list. */
async function openRawLog(file: string): Promise<RawLog> {
  await (await openSqliteEventStore(file)).close();
  const db = new Database(file);
  for (const pragma of connectionPragmas(resolveSqliteEventStoreOptions())) db.pragma(pragma);
  return {
    db,
    insert: db.prepare('INSERT INTO events (position, event_id, stream_id, version, type, occurred_at, envelope, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
  };
}

function rawRound(raw: RawLog, first: number): number {
  // The input: the same envelope the store writes, with hashes of the same length.
  const rows = [];
  for (let i = first; i < first + perRound; i++) {
    const id = eventId(i);
    rows.push({
      eventId: id, type, streamId: streamOf(i), version: Math.floor(i / streamCount) + 1, position: i + 1, occurredAt, traceId,
      correlationId: id, causationId: null, tenantId: 'default', projectId: 'default', data: dataOf(i), prevHash: genesisHash, hash: genesisHash,
    });
  }
  const started = performance.now();
  raw.begin.run();
  for (const row of rows) {
    raw.insert.run(row.position, row.eventId, row.streamId, row.version, row.type, row.occurredAt, JSON.stringify(row), row.prevHash, row.hash);
  }
  raw.commit.run();
  return performance.now() - started;
}

async function storeRound(store: SqliteEventStore, first: number): Promise<number> {
  const calls: [string, ProposedEvent, number][] = [];
  for (let i = first; i < first + perRound; i++) {
    calls.push([streamOf(i), { eventId: eventId(i), type, occurredAt, traceId, data: dataOf(i) }, Math.floor(i / streamCount)]);
  }
  const started = performance.now();
  await Promise.all(calls.map(([streamId, event, expectedVersion]) => store.append(streamId, [event], { expectedVersion })));
  return performance.now() - started;
}

/** Reads a log file's whole `events` table raw (select + JSON.parse, pages of 1,000); returns the ms spent. Also the `orchestrator` scenario's read baseline. */
export function rawReadPass(db: Database.Database, expected: number): number {
  const select = db.prepare<[number, number], string>('SELECT envelope FROM events WHERE position >= ? ORDER BY position LIMIT ?').pluck();
  const started = performance.now();
  let read = 0;
  for (let from = 1; ; ) {
    const page = select.all(from, readPage).map((text) => JSON.parse(text) as { position: number });
    if (page.length === 0) break;
    read += page.length;
    from = (page.at(-1) as { position: number }).position + 1;
  }
  if (read !== expected) throw new Error(`raw read ${read} events, expected ${expected}`);
  return performance.now() - started;
}

async function storeReadPass(store: SqliteEventStore, validate: boolean, events: number): Promise<number> {
  const started = performance.now();
  let read = 0;
  for (let from = 1; read < events; ) {
    const page = await store.readAll({ fromPosition: from, limit: Math.min(readPage, events - read) });
    if (page.length === 0) break;
    if (validate) for (const event of page) storedEventSchema.parse(event);
    read += page.length;
    from = (page.at(-1) as { position: number }).position + 1;
  }
  if (read !== events) throw new Error(`store read ${read} events, expected ${events}`);
  return performance.now() - started;
}

const perSecond = (events: number, ms: number): number => (events * 1000) / ms;

/** Runs the scenario in a temporary folder on disk, deleted afterwards. */
export async function runStoreBench(): Promise<BenchFigure[]> {
  const folder = mkdtempSync(join(tmpdir(), 'kairos-bench-store-'));
  try {
    const raw = await openRawLog(join(folder, 'raw.db'));
    const store = await openSqliteEventStore(join(folder, 'store.db'));
    log(`appending ${totalEvents} events over ${streamCount} streams, ${perRound} per transaction, in ${folder}`);
    let rawMs = 0;
    let storeMs = 0;
    for (let first = 0; first < totalEvents; first += perRound) {
      rawMs += rawRound(raw, first);
      storeMs += await storeRound(store, first);
      if ((first / perRound) % 100 === 99) log(`${first + perRound} events: raw ${Math.round(perSecond(first + perRound, rawMs))}/s, store ${Math.round(perSecond(first + perRound, storeMs))}/s`);
    }
    const head = await store.head();
    if (head.position !== totalEvents) throw new Error(`the store holds ${head.position} events, expected ${totalEvents}`);
    const transactions = store.transactionCount;

    log(`reading the whole log ${readPasses} times each`);
    const rawReads: number[] = [];
    const storeReads: number[] = [];
    for (let pass = 0; pass < readPasses; pass++) {
      rawReads.push(perSecond(totalEvents, rawReadPass(raw.db, totalEvents)));
      storeReads.push(perSecond(totalEvents, await storeReadPass(store, false, totalEvents)));
    }
    const validated = Math.min(totalEvents, zodEvents);
    log(`reading ${validated} events once more through the zod envelope schema`);
    const validatedRead = perSecond(validated, await storeReadPass(store, true, validated));
    raw.db.close();
    await store.close();

    const rawAppend = perSecond(totalEvents, rawMs);
    const rawRead = median(rawReads);
    return [
      compareFigure(scenario, 'append', 'events/s', perSecond(totalEvents, storeMs), 'raw better-sqlite3 insert, 1,000 rows per transaction', rawAppend, 0.6),
      compareFigure(scenario, 'readAll', 'events/s', median(storeReads), 'raw select + JSON.parse, pages of 1,000', rawRead, 0.7),
      compareFigure(scenario, 'readAll+zod', 'events/s', validatedRead, 'raw select + JSON.parse, pages of 1,000', rawRead, null),
      plainFigure(scenario, 'append-transactions', 'transactions', transactions),
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
