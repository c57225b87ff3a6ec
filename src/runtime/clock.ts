import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** Where the shell gets calendar labels and fresh ids; tests pass fixed ones. */
export interface Clock {
  /** The current calendar time as ISO-8601. */
  now(): string;
}

export interface IdSource {
  /** A new unique event or execution id. */
  eventId(): string;
  /** A new trace id in the spec's shape, e.g. `trace-3f9a1c0d2b7e`. */
  traceId(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };

/** Fresh ids: time-ordered UUIDv7 event ids keep the log's unique index append-friendly. */
export const randomIds: IdSource = {
  eventId: () => uuidv7(),
  traceId: () => `trace-${randomBytes(6).toString('hex')}`,
};
