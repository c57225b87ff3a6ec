import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../domain/errors/index.js';
import type { EventStore } from '../event-store.js';
import { openEventStore } from '../open-event-store.js';
import { describeEventStore, proposedEvent, type EventStoreFixture } from '../testing/describe-event-store.js';
import { verifyChain } from '../verify-chain.js';
import { openSqliteEventStore, type SqliteEventStore } from './sqlite-event-store.js';
import { kairosApplicationId, sqliteSchemaVersion } from './sqlite-schema.js';

const logPath = '.kairos/events.db';

async function createSqliteFixture(): Promise<EventStoreFixture> {
  const workspace = await mkdtemp(join(tmpdir(), 'kairos-store-'));
  const url = `sqlite:${logPath}`;
  const file = join(workspace, logPath);
  const handles: EventStore[] = [];
  let probe: Database.Database | undefined;
  const open = async (): Promise<EventStore> => {
    const handle = await openEventStore(url, { workspace });
    handles.push(handle);
    return handle;
  };
  const closeAll = async (): Promise<void> => {
    for (const handle of handles.splice(0)) await handle.close();
  };
  const store = await open();
  return {
    store,
    url,
    workspace,
    openAnother: open,
    corrupt: async () => {
      await closeAll();
      await rm(`${file}-wal`, { force: true });
      await rm(`${file}-shm`, { force: true });
      await writeFile(file, Buffer.from('these bytes are not a SQLite database. '.repeat(200)));
    },
    stampSchemaVersion: async (version) => {
      await closeAll();
      const db = new Database(file);
      db.pragma(`user_version = ${version}`);
      db.close();
    },
    isWriting: () => {
      // BEGIN IMMEDIATE without waiting fails exactly when another connection holds the write lock.
      probe ??= new Database(file, { timeout: 0 });
      try {
        probe.exec('BEGIN IMMEDIATE');
        probe.exec('ROLLBACK');
        return Promise.resolve(false);
      } catch (error) {
        if ((error as { code?: unknown }).code === 'SQLITE_BUSY') return Promise.resolve(true);
        throw error;
      }
    },
    dispose: async () => {
      probe?.close();
      await closeAll();
      await rm(workspace, { recursive: true, force: true });
    },
  };
}

describeEventStore('SQLite', createSqliteFixture);

describe('SqliteEventStore', () => {
  const withLog = async (test: (file: string, workspace: string) => Promise<void>): Promise<void> => {
    const workspace = await mkdtemp(join(tmpdir(), 'kairos-sqlite-'));
    try {
      await test(join(workspace, 'nested/folder/events.db'), workspace);
    } finally {
      await rm(workspace, { recursive: true, force: true });
    }
  };

  it('creates its folder and a WAL database stamped with the schema version', async () => {
    await withLog(async (file) => {
      const store = await openSqliteEventStore(file);
      await store.append('s', [proposedEvent()]);
      await store.close();
      const db = new Database(file, { readonly: true });
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBe(sqliteSchemaVersion);
      expect(db.pragma('application_id', { simple: true })).toBe(kairosApplicationId);
      const columns = db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all('events');
      expect(columns).toEqual(['position', 'event_id', 'stream_id', 'version', 'type', 'occurred_at', 'envelope', 'prev_hash', 'hash']);
      const row = db.prepare('SELECT * FROM events').get() as Record<string, unknown>;
      expect(JSON.parse(row.envelope as string)).toMatchObject({ hash: row.hash, prevHash: row.prev_hash, position: 1 });
      db.close();
    });
  });

  it('writes many concurrent calls in few transactions', async () => {
    await withLog(async (file) => {
      const store = await openSqliteEventStore(file, { maxBatchEvents: 1000 });
      await Promise.all(Array.from({ length: 2500 }, (_, i) => store.append(`sprint-${i % 50}`, [proposedEvent()])));
      expect(store.transactionCount).toBe(3);
      expect((await store.head()).position).toBe(2500);
      await store.close();
    });
  });

  it('names the first changed row when the file is edited behind its back', async () => {
    await withLog(async (file) => {
      const store = await openSqliteEventStore(file);
      for (let i = 0; i < 10; i++) await store.append(`sprint-${i % 3}`, [proposedEvent({ eventId: `e${i + 1}` })]);
      const db = new Database(file);
      db.prepare("UPDATE events SET envelope = replace(envelope, '\"trace-contract\"', '\"trace-forged\"') WHERE position IN (6, 8)").run();
      db.close();
      expect(await verifyChain(store)).toMatchObject({ ok: false, position: 6, eventId: 'e6', reason: expect.stringMatching(/does not match the envelope/) });
      await store.close();
    });
  });

  it('refuses the SQLite database of another application', async () => {
    await withLog(async (file, workspace) => {
      await openSqliteEventStore(file).then((s) => s.close());
      const other = join(workspace, 'other.db');
      const db = new Database(other);
      db.exec('CREATE TABLE notes (body TEXT)');
      db.close();
      await expect(openSqliteEventStore(other)).rejects.toThrow(new StoreError(`${other} is not a Kairos event log (it is a SQLite database of another application)`));
    });
  });

  it('opens an empty file as a new log, and refuses garbage without touching it', async () => {
    await withLog(async (_file, workspace) => {
      const empty = join(workspace, 'empty.db');
      await writeFile(empty, '');
      const store: SqliteEventStore = await openSqliteEventStore(empty);
      expect((await store.append('s', [proposedEvent()])).version).toBe(1);
      await store.close();
      const garbage = join(workspace, 'garbage.db');
      const bytes = Buffer.alloc(8192, 0xab);
      await writeFile(garbage, bytes);
      await expect(openSqliteEventStore(garbage)).rejects.toThrow(/garbage\.db is not a Kairos event log \(file is not a database\)/);
      expect(await readFile(garbage)).toEqual(bytes);
    });
  });

  it('refuses reads and appends after close', async () => {
    await withLog(async (file) => {
      const store = await openSqliteEventStore(file);
      await store.close();
      await store.close();
      await expect(store.readAll()).rejects.toThrow(/is closed/);
      await expect(store.append('s', [proposedEvent()])).rejects.toThrow(StoreError);
    });
  });
});
