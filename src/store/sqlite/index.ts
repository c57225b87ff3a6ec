/**
 * The embedded event log: a SQLite file (WAL, `synchronous=FULL`) that several processes can share,
 * with appends batched into few transactions and cached stream versions checked against
 * `PRAGMA data_version`.
 */
export * from './sqlite-event-store.js';
export { sqliteSchemaVersion } from './sqlite-schema.js';
