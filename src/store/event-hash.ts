import { createHash } from 'node:crypto';
import { canonicalJson, type StoredEvent } from '../domain/events/index.js';

/**
 * The chain hash of one event: sha256 (hex) over its `prevHash` followed by `canonicalText`, the
 * canonical JSON of the event's envelope without `hash` (which still holds `prevHash`, `position`
 * and `version`, so the hash binds the event to its place in the log).
 */
export function hashEventText(prevHash: string, canonicalText: string): string {
  return createHash('sha256').update(prevHash).update(canonicalText).digest('hex');
}

/**
 * Recomputes an event's chain hash from its envelope, ignoring the `hash` it carries.
 *
 * @example computeEventHash(event) === event.hash // the event is as it was appended
 */
export function computeEventHash(event: StoredEvent | Omit<StoredEvent, 'hash'>): string {
  const { hash: _ignored, ...envelope } = event as StoredEvent;
  return hashEventText(event.prevHash, canonicalJson(envelope));
}
