/**
 * Errors: one base `KairosError` with a `code`, and the few subclasses the edges map to exit codes
 * and HTTP status. Pure: no I/O.
 */
export * from './kairos-error.js';
