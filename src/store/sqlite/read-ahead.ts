import { isAscii } from 'node:buffer';
import { on } from 'node:events';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { StoredEvent } from '../../domain/events/index.js';
import type { OmittableMember } from '../event-store.js';

/** A range of a SQLite log to read ahead, and how. */
export interface ReadAheadRange {
  file: string;
  busyTimeoutMs: number;
  cacheSizeKiB: number;
  /** First and last position, inclusive. */
  from: number;
  to: number;
  pageSize: number;
  /** Envelope members to leave out, removed by SQLite on the worker's thread. */
  omit: readonly OmittableMember[];
}

/** Pages read but not yet taken: how far the reading thread may run ahead of the caller. */
const pagesAhead = 8;

/**
 * The events of `range`, in order, a page at a time, read on a worker thread with a connection of
 * its own while the caller works on the page it holds: a replay then spends its own thread on
 * parsing and folding, not on SQLite. SQLite joins a page's envelopes into one buffer (see `eventsOf`),
 * without the members omitted, and the buffer is transferred (not copied, not one message per
 * event). Stopping early ends the thread.
 */
export async function* readAhead<K extends OmittableMember>(range: ReadAheadRange): AsyncGenerator<Omit<StoredEvent, K>[], void, undefined> {
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { driver: requireHere.resolve('better-sqlite3'), ...range, ahead: pagesAhead, paths: range.omit.map(jsonPath) } satisfies WorkerInput,
  });
  try {
    // `on` rejects on the worker's `error`; `exit` ends the loop, which is an error unless `done` came first.
    for await (const [message] of on(worker, 'message', { close: ['exit'] }) as AsyncIterableIterator<[WorkerMessage]>) {
      if (message.kind === 'done') return;
      if (message.kind === 'failed') throw new Error(message.message);
      worker.postMessage('more');
      yield eventsOf<K>(message.page);
    }
    throw new Error('the read-ahead thread stopped before the end of the range');
  } finally {
    await worker.terminate();
  }
}

const requireHere = createRequire(import.meta.url);

/** Most bytes parsed at once: a string this long is still made in the young generation (a page's would be a large object). */
const maxChunkBytes = 64 * 1024;

const newline = 10;
const openBracket = 91;
const closeBracket = 93;
const comma = 44;
const space = 32;

/**
 * The events of a page. The page holds its envelopes between two-byte separators and one newline
 * at each end (`\n e1 \n\n e2 … en \n`); JSON text never holds a raw newline, and no UTF-8
 * sequence holds its byte. The separators are overwritten in place (the buffer was transferred to
 * this thread: it is ours) so that runs of envelopes up to `maxChunkBytes` read as JSON arrays
 * (`[e1, e2]`), each decoded and parsed in one call: a call per envelope costs about an eighth
 * more. ASCII, nearly every log, is decoded byte for byte, the fastest decoding there is.
 */
function eventsOf<K extends OmittableMember>(page: Uint8Array): Omit<StoredEvent, K>[] {
  const bytes = Buffer.from(page.buffer, page.byteOffset, page.byteLength);
  const encoding = isAscii(bytes) ? 'latin1' : 'utf8';
  const events: Omit<StoredEvent, K>[] = [];
  const last = bytes.length - 1;
  for (let open = 0; open < last; ) {
    bytes[open] = openBracket;
    let close = bytes.indexOf(newline, open + 1);
    while (close < last && close - open < maxChunkBytes) {
      bytes[close] = comma;
      bytes[close + 1] = space;
      close = bytes.indexOf(newline, close + 2);
    }
    bytes[close] = closeBracket;
    const chunk = JSON.parse(bytes.toString(encoding, open, close + 1)) as Omit<StoredEvent, K>[];
    for (let index = 0; index < chunk.length; index++) events.push(chunk[index] as Omit<StoredEvent, K>);
    open = close + 1;
  }
  return events;
}

interface WorkerInput extends ReadAheadRange {
  /** Where better-sqlite3 is: the worker's code has no module of its own to resolve it from. */
  driver: string;
  ahead: number;
  /** The JSON paths of the members to leave out. */
  paths: string[];
}

/** The JSON path of a top-level member (envelope members are plain identifiers). */
function jsonPath(member: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(member)) throw new Error(`cannot leave out the envelope member ${JSON.stringify(member)}`);
  return `$.${member}`;
}

type WorkerMessage = { kind: 'page'; page: Uint8Array } | { kind: 'done' } | { kind: 'failed'; message: string };

/**
 * The worker's code, as a CommonJS script: a worker cannot load a TypeScript module, and a script
 * runs the same from the compiled package and from the sources under test. It reads windows of
 * `pageSize` positions (a page is shorter only where positions are missing) and sends each as one
 * buffer; a window too big for one SQLite value (SQLITE_TOOBIG) is sent in halves. It runs
 * ahead by `ahead` pages, and one more each time the caller says `more`.
 */
const workerSource = `
const { parentPort, workerData: input } = require('node:worker_threads');
const Database = require(input.driver);
const failed = (error) => {
  parentPort.postMessage({ kind: 'failed', message: String((error && error.message) || error) });
  parentPort.close();
};
let next = input.from;
let credit = input.ahead;
let page;
function send(from, to) {
  let bytes;
  try {
    bytes = page.get(from, to);
  } catch (error) {
    if (error.code === 'SQLITE_TOOBIG' && to > from) {
      const middle = Math.floor((from + to) / 2);
      return send(from, middle) + send(middle + 1, to);
    }
    throw error;
  }
  if (bytes === null) return 0;
  parentPort.postMessage({ kind: 'page', page: bytes }, [bytes.buffer]);
  return 1;
}
function pump() {
  try {
    while (credit > 0 && next <= input.to) {
      const last = Math.min(input.to, next + input.pageSize - 1);
      credit -= send(next, last);
      next = last + 1;
    }
    if (next > input.to) {
      parentPort.postMessage({ kind: 'done' });
      parentPort.close();
    }
  } catch (error) {
    failed(error);
  }
}
try {
  const db = new Database(input.file, { readonly: true, fileMustExist: true, timeout: input.busyTimeoutMs });
  db.pragma('cache_size = -' + input.cacheSizeKiB);
  const envelope = input.paths.length === 0 ? 'envelope' : 'json_remove(envelope' + ', ?'.repeat(input.paths.length) + ')';
  const select = db.prepare(
    'SELECT CAST(char(10) || group_concat(' + envelope + ', char(10, 10)) || char(10) AS BLOB) FROM (SELECT envelope FROM events WHERE position BETWEEN ? AND ? ORDER BY position)',
  ).pluck();
  page = { get: (from, to) => select.get(...input.paths, from, to) };
  parentPort.on('message', () => {
    credit += 1;
    if (credit === 1) pump();
  });
  pump();
} catch (error) {
  failed(error);
}
`;
