import type { ProposedEvent, StoredEvent } from '../domain/events/index.js';

/**
 * What a caller expects a stream's version to be before its append:
 * a number (the stream's current version; 0 means "the stream does not exist yet"),
 * `'no-stream'` (same as 0), or `'any'` (no check).
 */
export type ExpectedVersion = number | 'no-stream' | 'any';

export interface AppendOptions {
  /** Defaults to `'any'`. */
  expectedVersion?: ExpectedVersion;
}

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append. */
  version: number;
  /** The stored events, with their positions and hashes. */
  events: StoredEvent[];
  /** True when every eventId was already stored: the call was a retry and wrote nothing. */
  duplicate: boolean;
}

export interface ReadAllOptions {
  /** First position to return (inclusive); defaults to 1. */
  fromPosition?: number;
  /** Most events to return; defaults to 1,000. */
  limit?: number;
}

/** Envelope members a reader may go without (`readPages`): all but `position`, by which pages follow one another. */
export type OmittableMember = Exclude<keyof StoredEvent, 'position'>;

export interface ReadPagesOptions<K extends OmittableMember = never> {
  /** First position to return (inclusive); defaults to 1. */
  fromPosition?: number;
  /** Last position to return (inclusive); defaults to the head when the reading starts. */
  toPosition?: number;
  /** Events per page; defaults to 1,000. */
  pageSize?: number;
  /**
   * Members the caller never reads: the store may leave them out (the SQLite log's read-ahead
   * thread does, so the caller's thread parses less; a page read on the caller's thread keeps them).
   */
  omit?: readonly K[];
}

export interface ReadStreamOptions {
  /** First version to return (inclusive); defaults to 1. */
  fromVersion?: number;
  /** Most events to return; defaults to the whole rest of the stream. */
  limit?: number;
}

export interface SubscribeOptions {
  /** First position to deliver (inclusive); defaults to 1. */
  fromPosition?: number;
  /** Ends the subscription. */
  signal?: AbortSignal;
}

export interface LogHead {
  /** Position of the last event; 0 for an empty log. */
  position: number;
  /** Hash of the last event; the genesis hash for an empty log. */
  hash: string;
}

/**
 * The append-only, hash-chained event log. Implementations: SQLite (embedded default) and
 * PostgreSQL; both pass the same contract suite (`describeEventStore`).
 */
export interface EventStore {
  /**
   * Appends events to one stream atomically. Throws `ConcurrencyError` when the stream is not at
   * `expectedVersion`. Resolves only once the events are durable.
   *
   * Retries are safe: when every eventId of the call is already stored in this stream, nothing is
   * written and the stored events come back with `duplicate: true` (whatever `expectedVersion` says).
   * When only some are, or one is stored in another stream, the call is refused with
   * `EventIdConflictError`. Malformed events are refused with `InvalidEventError`; nothing is written.
   */
  append(streamId: string, events: readonly ProposedEvent[], options?: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /**
   * The events from `fromPosition` to `toPosition`, in order, a page at a time: what a replay
   * reads. The SQLite log reads a long range ahead on a thread of its own while the caller works on
   * the page it holds. Leaving the loop early ends the reading.
   */
  readPages<K extends OmittableMember = never>(options?: ReadPagesOptions<K>): AsyncIterable<Omit<StoredEvent, K>[]>;
  /** Every event from `fromPosition` on, then live ones as they are appended: no gaps, no duplicates. */
  subscribe(options?: SubscribeOptions): AsyncIterable<StoredEvent>;
  head(): Promise<LogHead>;
  close(): Promise<void>;
}

/**
 * `readPages` over `readAll`: one page after another, on the caller's thread. For stores with
 * nothing faster, and for short ranges.
 */
export async function* readPagesOf<K extends OmittableMember = never>(
  store: Pick<EventStore, 'readAll' | 'head'>,
  options: ReadPagesOptions<K> = {},
): AsyncGenerator<Omit<StoredEvent, K>[], void, undefined> {
  const pageSize = options.pageSize ?? 1_000;
  const to = options.toPosition ?? (await store.head()).position;
  for (let from = options.fromPosition ?? 1; from <= to; ) {
    const page = await store.readAll({ fromPosition: from, limit: Math.min(pageSize, to - from + 1) });
    if (page.length === 0) return;
    // Read before the caller has the page: it may empty it.
    from = (page.at(-1) as StoredEvent).position + 1;
    yield page;
  }
}
