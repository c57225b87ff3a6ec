import type Database from 'better-sqlite3';
import { ConcurrencyError, KairosError, StoreError, UsageError } from '../../domain/errors/index.js';
import { genesisHash, type ProposedEvent, type StoredEvent } from '../../domain/events/index.js';
import { createAppendBatcher, type AppendBatcher, type BatchOutcome } from '../append-batcher.js';
import { EventIdConflictError } from '../event-id-conflict-error.js';
import {
  readPagesOf,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type LogHead,
  type ReadAllOptions,
  type OmittableMember,
  type ReadPagesOptions,
  type ReadStreamOptions,
  type SubscribeOptions,
} from '../event-store.js';
import { prepareAppend, type PreparedAppend } from '../prepare-append.js';
import { sealEvent } from '../seal-event.js';
import { readAhead } from './read-ahead.js';
import { messageOf, openSqliteDatabase } from './sqlite-schema.js';

/** Options of the SQLite event store; every one has a default (`resolveSqliteEventStoreOptions`). */
export interface SqliteEventStoreOptions {
  /** How long an append waits for another process's write lock; default 30,000 ms. */
  busyTimeoutMs?: number;
  /** How often an idle subscription checks for appends made by other connections; default 25 ms. */
  pollIntervalMs?: number;
  /** Most events written in one transaction by the batcher; default 1,000. */
  maxBatchEvents?: number;
  /** SQLite page cache per connection, in KiB; default 65,536 (64 MiB). */
  cacheSizeKiB?: number;
  /**
   * `readPages` of at least this many events reads ahead on a worker thread; default 50,000 (below
   * that, starting the thread costs more than it saves). `Infinity` never does.
   */
  readAheadFrom?: number;
}

export type ResolvedSqliteEventStoreOptions = Required<SqliteEventStoreOptions>;

/** Fills the defaults of `SqliteEventStoreOptions`. */
export function resolveSqliteEventStoreOptions(options: SqliteEventStoreOptions = {}): ResolvedSqliteEventStoreOptions {
  return {
    busyTimeoutMs: options.busyTimeoutMs ?? 30_000,
    pollIntervalMs: options.pollIntervalMs ?? 25,
    maxBatchEvents: options.maxBatchEvents ?? 1_000,
    cacheSizeKiB: options.cacheSizeKiB ?? 65_536,
    readAheadFrom: options.readAheadFrom ?? 50_000,
  };
}

/**
 * Opens the SQLite event log in `file` (creating it and its folder), refusing a file that is not a
 * Kairos log or was written by a newer Kairos.
 *
 * @example const store = await openSqliteEventStore('/work/demo/.kairos/events.db')
 */
export async function openSqliteEventStore(file: string, options: SqliteEventStoreOptions = {}): Promise<SqliteEventStore> {
  return Promise.resolve(new SqliteEventStore(file, resolveSqliteEventStoreOptions(options)));
}

const defaultReadLimit = 1_000;
const subscriptionPageSize = 1_000;
// Beyond this many cached stream versions the cache starts over rather than grow without bound.
const maxCachedStreams = 100_000;

interface Statements {
  insert: Database.Statement<[number, string, string, number, string, string, string, string, string]>;
  streamVersion: Database.Statement<[string], number>;
  head: Database.Statement<[], { position: number; hash: string }>;
  byEventId: Database.Statement<[string], { stream_id: string; envelope: string }>;
  readAll: Database.Statement<[number, number], string>;
  readStream: Database.Statement<[string, number, number], string>;
  dataVersion: Database.Statement<[], number>;
  begin: Database.Statement<[]>;
  commit: Database.Statement<[]>;
  rollback: Database.Statement<[]>;
  savepoint: Database.Statement<[]>;
  release: Database.Statement<[]>;
  rollbackTo: Database.Statement<[]>;
}

/**
 * The embedded event log: one SQLite file in WAL mode, shared safely by several processes.
 *
 * Appends made in the same turn of the event loop are written together in one `BEGIN IMMEDIATE`
 * transaction, each call in its own savepoint so that one call's conflict fails only that call; no
 * call resolves before its transaction committed. The stream versions and the chain head are cached
 * between transactions and dropped whenever `PRAGMA data_version` shows that another connection
 * committed.
 */
export class SqliteEventStore implements EventStore {
  readonly file: string;
  readonly options: ResolvedSqliteEventStoreOptions;

  private readonly db: Database.Database;
  private readonly sql: Statements;
  private readonly batcher: AppendBatcher<PreparedAppend, AppendResult>;
  private readonly versions = new Map<string, number>();
  private cachedHead: LogHead | null = null;
  private seenDataVersion = -1;
  private commits = 0;
  private committedTransactions = 0;
  private readonly waiters = new Set<() => void>();
  private closed = false;
  private closing: Promise<void> | null = null;

  constructor(file: string, options: ResolvedSqliteEventStoreOptions) {
    this.file = file;
    this.options = options;
    this.db = openSqliteDatabase(file, options);
    const db = this.db;
    this.sql = {
      insert: db.prepare<[number, string, string, number, string, string, string, string, string]>(
        'INSERT INTO events (position, event_id, stream_id, version, type, occurred_at, envelope, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      streamVersion: db.prepare<[string], number>('SELECT version FROM events WHERE stream_id = ? ORDER BY version DESC LIMIT 1').pluck(),
      head: db.prepare<[], { position: number; hash: string }>('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1'),
      byEventId: db.prepare<[string], { stream_id: string; envelope: string }>('SELECT stream_id, envelope FROM events WHERE event_id = ?'),
      readAll: db.prepare<[number, number], string>('SELECT envelope FROM events WHERE position >= ? ORDER BY position LIMIT ?').pluck(),
      readStream: db
        .prepare<[string, number, number], string>('SELECT envelope FROM events WHERE stream_id = ? AND version >= ? ORDER BY version LIMIT ?')
        .pluck(),
      dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      savepoint: db.prepare('SAVEPOINT append_call'),
      release: db.prepare('RELEASE append_call'),
      rollbackTo: db.prepare('ROLLBACK TO append_call'),
    };
    this.batcher = createAppendBatcher((batch) => this.writeBatch(batch), { maxBatchWeight: options.maxBatchEvents });
  }

  /** Transactions committed by this handle's appends: batching makes them far fewer than calls. */
  get transactionCount(): number {
    return this.committedTransactions;
  }

  append(streamId: string, events: readonly ProposedEvent[], options?: AppendOptions): Promise<AppendResult> {
    if (this.closed) return Promise.reject(this.closedError());
    let prepared: PreparedAppend;
    try {
      prepared = prepareAppend(streamId, events, options);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.batcher.submit(prepared, prepared.events.length);
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    return this.run(() => {
      const from = wholeNumber('fromVersion', options.fromVersion ?? 1, 1);
      const limit = options.limit === undefined ? -1 : wholeNumber('limit', options.limit, 0);
      return this.sql.readStream.all(streamId, from, limit).map(parseEvent);
    });
  }

  readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    return this.run(() => {
      const from = wholeNumber('fromPosition', options.fromPosition ?? 1, 1);
      const limit = wholeNumber('limit', options.limit ?? defaultReadLimit, 0);
      return this.sql.readAll.all(from, limit).map(parseEvent);
    });
  }

  async *readPages<K extends OmittableMember = never>(options: ReadPagesOptions<K> = {}): AsyncGenerator<Omit<StoredEvent, K>[], void, undefined> {
    if (this.closed) throw this.closedError();
    const from = wholeNumber('fromPosition', options.fromPosition ?? 1, 1);
    const pageSize = wholeNumber('pageSize', options.pageSize ?? defaultReadLimit, 1);
    const head = (await this.head()).position;
    const to = Math.min(head, options.toPosition === undefined ? head : wholeNumber('toPosition', options.toPosition, 0));
    // An in-memory log has no file another connection could open.
    if (to - from + 1 < this.options.readAheadFrom || this.db.memory) {
      yield* readPagesOf(this, { fromPosition: from, toPosition: to, pageSize });
      return;
    }
    const { busyTimeoutMs, cacheSizeKiB } = this.options;
    try {
      yield* readAhead<K>({ file: this.file, busyTimeoutMs, cacheSizeKiB, from, to, pageSize, omit: options.omit ?? [] });
    } catch (error) {
      throw this.storeError('cannot read', error);
    }
  }

  async *subscribe(options: SubscribeOptions = {}): AsyncGenerator<StoredEvent, void, undefined> {
    let next = wholeNumber('fromPosition', options.fromPosition ?? 1, 1);
    const { signal } = options;
    while (!this.closed && !isAborted(signal)) {
      // Noted before reading, so a commit landing after the read is never missed.
      const commitsBefore = this.commits;
      const dataVersionBefore = this.dataVersion();
      const page = this.readPage(next, subscriptionPageSize);
      for (const event of page) {
        yield event;
        next = event.position + 1;
        if (this.closed || isAborted(signal)) return;
      }
      if (page.length === 0) await this.changeAfter(commitsBefore, dataVersionBefore, signal);
    }
  }

  head(): Promise<LogHead> {
    return this.run(() => this.sql.head.get() ?? { position: 0, hash: genesisHash });
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.closed = true;
      this.wakeWaiters();
      await this.batcher.drain();
      this.db.close();
    })();
    return this.closing;
  }

  private run<T>(read: () => T): Promise<T> {
    if (this.closed) return Promise.reject(this.closedError());
    try {
      return Promise.resolve(read());
    } catch (error) {
      return Promise.reject(this.storeError('cannot read', error));
    }
  }

  private readPage(from: number, limit: number): StoredEvent[] {
    try {
      return this.sql.readAll.all(from, limit).map(parseEvent);
    } catch (error) {
      throw this.storeError('cannot read', error);
    }
  }

  private dataVersion(): number {
    return this.sql.dataVersion.get() as number;
  }

  /** Resolves on this handle's next commit, on another connection's commit (polled), on abort or on close. */
  private changeAfter(commitsBefore: number, dataVersionBefore: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
      if (this.commits !== commitsBefore || this.closed || signal?.aborted === true) {
        resolve();
        return;
      }
      const done = (): void => {
        clearInterval(timer);
        this.waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setInterval(() => {
        if (this.closed || this.dataVersion() !== dataVersionBefore) done();
      }, this.options.pollIntervalMs);
      this.waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  private wakeWaiters(): void {
    for (const wake of [...this.waiters]) wake();
  }

  /** Writes one batch of append calls in one transaction; the batcher settles each call with its outcome. */
  private writeBatch(batch: readonly PreparedAppend[]): BatchOutcome<AppendResult>[] {
    if (!this.db.open) return batch.map(() => ({ ok: false, error: this.closedError() }));
    try {
      this.sql.begin.run();
    } catch (error) {
      const failure = (error as { code?: unknown }).code === 'SQLITE_BUSY'
        ? new StoreError(`the event log ${this.file} stayed locked by another process for ${this.options.busyTimeoutMs} ms`, { cause: error })
        : this.storeError('cannot append', error);
      return batch.map(() => ({ ok: false, error: failure }));
    }
    const outcomes: BatchOutcome<AppendResult>[] = [];
    try {
      // Under the write lock: if another connection committed since our last transaction, our
      // cached head and stream versions may be stale.
      const dataVersion = this.dataVersion();
      if (dataVersion !== this.seenDataVersion) {
        this.forgetCaches();
        this.seenDataVersion = dataVersion;
      }
      for (const call of batch) outcomes.push(this.appendCall(call));
      this.sql.commit.run();
    } catch (error) {
      if (this.db.inTransaction) this.sql.rollback.run();
      this.forgetCaches();
      const failure = this.storeError('cannot append', error);
      return batch.map((_, index) => {
        const outcome = outcomes[index];
        return outcome !== undefined && !outcome.ok ? outcome : { ok: false, error: failure };
      });
    }
    this.committedTransactions++;
    this.commits++;
    this.wakeWaiters();
    return outcomes;
  }

  /** One append call inside the batch transaction; throws only for failures that doom the whole transaction. */
  private appendCall(call: PreparedAppend): BatchOutcome<AppendResult> {
    const { streamId, expectedVersion, events } = call;
    const current = this.streamVersion(streamId);
    const expected = expectedVersion === 'no-stream' ? 0 : expectedVersion;
    if (expected !== 'any' && expected !== current) {
      const retried = this.findRetried(call);
      if (retried !== null) return retried;
      return { ok: false, error: new ConcurrencyError(streamId, expectedVersion, current) };
    }
    const head = this.currentHead();
    // A single INSERT is atomic by itself; a call of several events needs a savepoint so that a
    // failure halfway through undoes its earlier rows without touching the other calls of the batch.
    const several = events.length > 1;
    if (several) this.sql.savepoint.run();
    const stored: StoredEvent[] = [];
    let position = head.position;
    let prevHash = head.hash;
    let version = current;
    try {
      for (const template of events) {
        position++;
        version++;
        const { event, text } = sealEvent(template, position, version, prevHash);
        this.sql.insert.run(position, event.eventId, streamId, version, event.type, event.occurredAt, text, prevHash, event.hash);
        stored.push(event);
        prevHash = event.hash;
      }
    } catch (error) {
      if (several) {
        this.sql.rollbackTo.run();
        this.sql.release.run();
      }
      if (!isUniqueViolation(error, 'events.event_id')) throw error;
      const retried = this.findRetried(call);
      if (retried !== null) return retried;
      // The violation came from a row this very batch wrote, which findRetried sees: unreachable,
      // but never report success for rows that were rolled back.
      throw error;
    }
    if (several) this.sql.release.run();
    this.cachedHead = { position, hash: prevHash };
    if (this.versions.size >= maxCachedStreams) this.versions.clear();
    this.versions.set(streamId, version);
    return { ok: true, value: { streamId, version, events: stored, duplicate: false } };
  }

  /**
   * Looks a call's eventIds up: all stored in this stream means the call is a retry (its stored
   * events are returned); none stored means it is not; anything else is a conflict.
   */
  private findRetried(call: PreparedAppend): BatchOutcome<AppendResult> | null {
    const rows = call.events.map((template) => this.sql.byEventId.get(template.envelope.eventId));
    const storedIds = call.events.filter((_, index) => rows[index] !== undefined).map((template) => template.envelope.eventId);
    if (storedIds.length === 0) return null;
    const elsewhere = rows.find((row) => row !== undefined && row.stream_id !== call.streamId);
    if (elsewhere !== undefined) {
      const event = parseEvent(elsewhere.envelope);
      return {
        ok: false,
        error: new EventIdConflictError(call.streamId, storedIds, `eventId ${JSON.stringify(event.eventId)} is already stored in stream ${JSON.stringify(event.streamId)}`),
      };
    }
    if (storedIds.length < call.events.length) {
      const missing = call.events.length - storedIds.length;
      return {
        ok: false,
        error: new EventIdConflictError(
          call.streamId,
          storedIds,
          `${storedIds.length} of its ${call.events.length} eventIds are already stored (${storedIds.slice(0, 3).map((id) => JSON.stringify(id)).join(', ')}${storedIds.length > 3 ? ', …' : ''}) but ${missing} are not; a retry must carry exactly the events of the call it retries`,
        ),
      };
    }
    const events = rows.map((row) => parseEvent((row as { envelope: string }).envelope));
    const version = events.reduce((max, event) => Math.max(max, event.version), 0);
    return { ok: true, value: { streamId: call.streamId, version, events, duplicate: true } };
  }

  private streamVersion(streamId: string): number {
    let version = this.versions.get(streamId);
    if (version === undefined) {
      version = this.sql.streamVersion.get(streamId) ?? 0;
      this.versions.set(streamId, version);
    }
    return version;
  }

  private currentHead(): LogHead {
    this.cachedHead ??= this.sql.head.get() ?? { position: 0, hash: genesisHash };
    return this.cachedHead;
  }

  private forgetCaches(): void {
    this.versions.clear();
    this.cachedHead = null;
  }

  private closedError(): StoreError {
    return new StoreError(`the event log ${this.file} is closed`);
  }

  private storeError(what: string, error: unknown): KairosError {
    if (error instanceof KairosError) return error;
    return new StoreError(`${what} the event log ${this.file}: ${messageOf(error)}`, { cause: error });
  }
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function parseEvent(text: string): StoredEvent {
  return JSON.parse(text) as StoredEvent;
}

function isUniqueViolation(error: unknown, columns: string): boolean {
  return (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE' && messageOf(error).includes(columns);
}

function wholeNumber(name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) throw new UsageError(`${name} must be a whole number from ${min}, not ${String(value)}`);
  return value;
}
