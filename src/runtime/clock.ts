import { randomBytes, randomUUID } from 'node:crypto';

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

export const randomIds: IdSource = {
  eventId: () => randomUUID(),
  traceId: () => `trace-${randomBytes(6).toString('hex')}`,
};
