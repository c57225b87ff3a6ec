import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from '../../domain/errors/index.js';

/** The schema version this build writes and reads (`PRAGMA user_version`). */
export const sqliteSchemaVersion = 1;

/** `PRAGMA application_id` of a Kairos event log: "KRS1" in ASCII. */
export const kairosApplicationId = 0x4b_52_53_31;

/** How a SQLite log is opened; see `resolveSqliteEventStoreOptions` for the defaults. */
export interface SqliteConnectionOptions {
  /** How long a write waits for another connection's write lock before failing. */
  busyTimeoutMs: number;
  /** SQLite page cache per connection, in KiB. */
  cacheSizeKiB: number;
}

const schemaV1 = `
CREATE TABLE events (
  position    INTEGER PRIMARY KEY,
  event_id    TEXT    NOT NULL UNIQUE,
  stream_id   TEXT    NOT NULL,
  version     INTEGER NOT NULL,
  type        TEXT    NOT NULL,
  occurred_at TEXT    NOT NULL,
  envelope    TEXT    NOT NULL,
  prev_hash   TEXT    NOT NULL,
  hash        TEXT    NOT NULL,
  UNIQUE (stream_id, version)
);
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`;

/**
 * The pragmas every connection to a log sets: WAL so readers never block the writer, `synchronous=FULL`
 * so an acknowledged append survives a power cut, and a busy timeout so two processes wait for each
 * other instead of failing. The benchmark's raw baseline uses the same list.
 */
export function connectionPragmas(options: SqliteConnectionOptions): string[] {
  return [
    `busy_timeout = ${options.busyTimeoutMs}`,
    'journal_mode = WAL',
    'synchronous = FULL',
    `cache_size = -${options.cacheSizeKiB}`,
  ];
}

/**
 * Opens (creating the folder and the file if needed) a SQLite event log, checks that it is one this
 * build can read, and creates or upgrades its schema. Every failure is a `StoreError` that says what
 * is wrong with the file.
 */
export function openSqliteDatabase(file: string, options: SqliteConnectionOptions): Database.Database {
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    throw new StoreError(`cannot create the folder of the event log ${file}: ${messageOf(error)}`, { cause: error });
  }
  let db: Database.Database;
  try {
    db = new Database(file, { timeout: options.busyTimeoutMs });
  } catch (error) {
    throw new StoreError(`cannot open the event log ${file}: ${messageOf(error)}`, { cause: error });
  }
  try {
    checkFormat(db, file);
    for (const pragma of connectionPragmas(options)) db.pragma(pragma);
    migrate(db, file);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    throw describeOpenFailure(file, error);
  }
}

/** Refuses a file that is not a Kairos log, or one from a newer Kairos, before anything writes to it. */
function checkFormat(db: Database.Database, file: string): void {
  // Reading the header is the first access to the file: garbage fails here with SQLITE_NOTADB.
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const userVersion = db.pragma('user_version', { simple: true }) as number;
  if (applicationId === kairosApplicationId) {
    if (userVersion > sqliteSchemaVersion) {
      throw new StoreError(
        `${file} was written by a newer Kairos (schema ${userVersion} > ${sqliteSchemaVersion}); upgrade Kairos to read it`,
      );
    }
    return;
  }
  const objects = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
  if (applicationId !== 0 || userVersion !== 0 || objects > 0) {
    throw new StoreError(`${file} is not a Kairos event log (it is a SQLite database of another application)`);
  }
}

function migrate(db: Database.Database, file: string): void {
  if ((db.pragma('user_version', { simple: true }) as number) === sqliteSchemaVersion) return;
  // Under the write lock: another process may have created the schema since we looked.
  db.exec('BEGIN IMMEDIATE');
  try {
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    if (userVersion === 0) {
      db.exec(schemaV1);
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?), (?, ?)').run('format', 'kairos-event-log', 'createdBySchema', String(sqliteSchemaVersion));
      db.pragma(`application_id = ${kairosApplicationId}`);
      db.pragma(`user_version = ${sqliteSchemaVersion}`);
    } else if (userVersion > sqliteSchemaVersion) {
      throw new StoreError(`${file} was written by a newer Kairos (schema ${userVersion} > ${sqliteSchemaVersion}); upgrade Kairos to read it`);
    }
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

function describeOpenFailure(file: string, error: unknown): StoreError {
  const code = (error as { code?: unknown }).code;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new StoreError(`${file} is not a Kairos event log (${messageOf(error)})`, { cause: error });
  }
  if (code === 'SQLITE_BUSY') {
    return new StoreError(`the event log ${file} is locked by another process`, { cause: error });
  }
  return new StoreError(`cannot open the event log ${file}: ${messageOf(error)}`, { cause: error });
}

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
