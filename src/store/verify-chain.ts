import { genesisHash, type StoredEvent } from '../domain/events/index.js';
import { computeEventHash } from './event-hash.js';
import type { EventStore, LogHead } from './event-store.js';
import { storedEventSchema } from './stored-event-schema.js';

/** What `verifyChain` found: the whole log intact, or the first event that does not match. */
export type ChainReport =
  | { ok: true; events: number; head: LogHead }
  | {
      ok: false;
      /** Position of the first event that does not match (where it was expected, for a missing one). */
      position: number;
      /** Its eventId; `null` when there is no event to name (the log ends before its head). */
      eventId: string | null;
      reason: string;
    };

export interface VerifyChainOptions {
  /** Events read per page; default 5,000. */
  pageSize?: number;
}

/**
 * Walks the whole log in pages up to the head it had when called, and checks every event: its
 * envelope against the schema, positions contiguous from 1, versions contiguous from 1 in each
 * stream, `prevHash` equal to the hash before it, and `hash` equal to the hash recomputed from the
 * envelope. Works on any `EventStore`.
 *
 * @example
 * const report = await verifyChain(store);
 * if (!report.ok) console.error(`position ${report.position}: ${report.reason}`);
 */
export async function verifyChain(store: Pick<EventStore, 'readAll' | 'head'>, options: VerifyChainOptions = {}): Promise<ChainReport> {
  const pageSize = options.pageSize ?? 5_000;
  const head = await store.head();
  const versions = new Map<string, number>();
  let expected = 1;
  let prevHash = genesisHash;
  while (expected <= head.position) {
    const page = await store.readAll({ fromPosition: expected, limit: Math.min(pageSize, head.position - expected + 1) });
    if (page.length === 0) break;
    for (const row of page) {
      const finding = checkEvent(row, expected, prevHash, versions);
      if (finding !== null) return finding;
      prevHash = row.hash;
      expected++;
    }
  }
  if (expected <= head.position) {
    return { ok: false, position: expected, eventId: null, reason: `the log ends at position ${expected - 1} but its head is at ${head.position}` };
  }
  if (prevHash !== head.hash) {
    return { ok: false, position: head.position, eventId: null, reason: `the head's hash ${head.hash} is not the hash of the last event (${prevHash})` };
  }
  return { ok: true, events: head.position, head };
}

function checkEvent(row: unknown, expected: number, prevHash: string, versions: Map<string, number>): ChainReport | null {
  const parsed = storedEventSchema.safeParse(row);
  if (!parsed.success) {
    const partial = (typeof row === 'object' && row !== null ? row : {}) as Partial<Record<keyof StoredEvent, unknown>>;
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(envelope)'}: ${issue.message}`).join('; ');
    return {
      ok: false,
      position: typeof partial.position === 'number' ? partial.position : expected,
      eventId: typeof partial.eventId === 'string' ? partial.eventId : null,
      reason: `the envelope does not match the schema: ${issues}`,
    };
  }
  const event = row as StoredEvent;
  const fail = (reason: string): ChainReport => ({ ok: false, position: event.position, eventId: event.eventId, reason });
  if (event.position !== expected) {
    return fail(`expected position ${expected}, found ${event.position}: ${event.position > expected ? 'events are missing' : 'positions go backwards'}`);
  }
  if (event.prevHash !== prevHash) return fail(`prevHash ${event.prevHash} is not the hash of the event before it (${prevHash})`);
  const recomputed = computeEventHash(event);
  if (recomputed !== event.hash) return fail(`hash ${event.hash} does not match the envelope (recomputed ${recomputed}): the event was changed`);
  const streamVersion = (versions.get(event.streamId) ?? 0) + 1;
  if (event.version !== streamVersion) {
    return fail(`stream ${event.streamId} should be at version ${streamVersion} here, found version ${event.version}`);
  }
  versions.set(event.streamId, event.version);
  return null;
}
