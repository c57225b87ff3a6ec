/**
 * Validation of one file: detecting its kind, checking it against that kind's schema, and turning
 * zod issues into located diagnostics a person can act on.
 */
export * from './artifact-schemas.js';
export * from './check-source.js';
export * from './checked-file.js';
export * from './describe-issues.js';
export * from './detect-kind.js';
export * from './file-report.js';
export * from './sort-diagnostics.js';
export * from './validate-file.js';
export * from './validate-text.js';
