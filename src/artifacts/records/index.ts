/**
 * Records: the JSON artifacts of a run (events, execution metadata, trace matrix, security audit,
 * agent execution context, feature-test links), validated when their kind is known.
 */
export * from './coverage-schema.js';
export * from './event-record-schema.js';
export * from './execution-metadata-schema.js';
export * from './feature-test-link-schema.js';
export * from './fsm-context-schema.js';
export * from './iso-date-time-schema.js';
export * from './security-audit-schema.js';
export * from './sprint-trace-matrix-schema.js';
