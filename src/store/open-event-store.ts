import { isAbsolute, resolve } from 'node:path';
import { StoreError } from '../domain/errors/index.js';
import type { EventStore } from './event-store.js';
import { openSqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store.js';

/** The log a workspace uses unless told otherwise: the embedded SQLite file. */
export const defaultEventStoreUrl = 'sqlite:.kairos/events.db';

export interface OpenEventStoreOptions {
  /** Folder a relative `sqlite:` path is resolved against; defaults to the current directory. */
  workspace?: string;
  /** Tuning of the SQLite store. */
  sqlite?: SqliteEventStoreOptions;
}

/** Where a store URL points. */
export type EventStoreLocation = { kind: 'sqlite'; file: string };

/**
 * Reads a store URL: `sqlite:<path>` (relative to the workspace, or absolute). `postgres://…` and
 * unknown schemes are a `StoreError`; the message never repeats a URL's credentials.
 *
 * @example parseEventStoreUrl('sqlite:.kairos/events.db', '/work/demo') // { kind: 'sqlite', file: '/work/demo/.kairos/events.db' }
 */
export function parseEventStoreUrl(url: string, workspace: string = process.cwd()): EventStoreLocation {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'sqlite') {
    const path = url.slice('sqlite:'.length);
    if (path === '') throw new StoreError(`the store URL ${JSON.stringify(url)} names no file; write sqlite:<path>, e.g. ${defaultEventStoreUrl}`);
    return { kind: 'sqlite', file: isAbsolute(path) ? path : resolve(workspace, path) };
  }
  if (scheme === 'postgres' || scheme === 'postgresql') {
    throw new StoreError(`the PostgreSQL event store (${scheme}://…) is not built yet; use sqlite:<path> (default ${defaultEventStoreUrl})`);
  }
  const shown = scheme === undefined ? JSON.stringify(url.length > 60 ? `${url.slice(0, 60)}…` : url) : `${scheme}:…`;
  throw new StoreError(`unknown event store URL ${shown}: expected sqlite:<path> (default ${defaultEventStoreUrl}) or postgres://…`);
}

/**
 * Opens the event log a store URL points at.
 *
 * @example const store = await openEventStore('sqlite:.kairos/events.db', { workspace: '/work/demo' })
 */
export async function openEventStore(url: string = defaultEventStoreUrl, options: OpenEventStoreOptions = {}): Promise<EventStore> {
  const location = parseEventStoreUrl(url, options.workspace);
  switch (location.kind) {
    case 'sqlite':
      return openSqliteEventStore(location.file, options.sqlite);
    default: {
      const unreachable: never = location.kind;
      return unreachable;
    }
  }
}
