import type { StoredEvent } from '../events/envelope.js';

/**
 * Envelope members no fold reads: a replay reads the log without them (`omit` of
 * `EventStore.readPages`), and parses that much less. The chain (`hash`, `prevHash`) is for
 * `verifyChain`; tenancy, stream versions and causation are for the store and for people.
 */
export const unfoldedMembers = ['hash', 'prevHash', 'tenantId', 'projectId', 'version', 'causationId'] as const;

/** An event as the fold reads it (`BoardFold`, `ReactionDraft`): a stored event fits. */
export type FoldedEvent = Omit<StoredEvent, (typeof unfoldedMembers)[number]>;
