/** Test helpers for evidence and gates: an in-memory event log. Not part of the build. */
export * from './event-log.js';
