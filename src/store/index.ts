/**
 * The event log: the `EventStore` interface every implementation honours (atomic, idempotent,
 * optimistically concurrent appends to a hash-chained, append-only log), the SQLite implementation
 * (the embedded default), `openEventStore` to open one from a store URL, and `verifyChain` to check
 * any log's hash chain. The contract suite all implementations pass lives in `testing/`.
 */
export * from './event-store.js';
export * from './open-event-store.js';
export * from './verify-chain.js';
export * from './stored-event-schema.js';
export * from './event-hash.js';
export * from './seal-event.js';
export * from './prepare-append.js';
export * from './append-batcher.js';
export * from './invalid-event-error.js';
export * from './event-id-conflict-error.js';
export * from './sqlite/index.js';
