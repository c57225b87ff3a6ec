/**
 * Events: the catalog of event types, the envelope every event carries, stream names and the
 * canonical JSON the hash chain is computed over. Pure: no I/O, no clock.
 */
export * from './event-type.js';
export * from './envelope.js';
export * from './canonical-json.js';
export * from './stream-id.js';
