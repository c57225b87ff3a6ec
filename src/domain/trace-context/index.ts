/**
 * W3C Trace Context for Kairos' own ids: a Kairos `traceId` (`trace-3f9a1c0d2b7e`) maps to one
 * W3C trace id, and an execution, sprint or transition to one span id, by name-based UUIDs, so the
 * same trace is found from either side without a table, and an agent is handed a `traceparent`
 * before any span exists (or when tracing is off).
 */
export * from './w3c-ids.js';
