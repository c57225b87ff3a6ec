/**
 * Schema building blocks shared by every file kind: maps that keep and warn about unknown keys,
 * gate conditions and event names checked against their catalogs, warnings as zod issues.
 */
export * from './event-name-schema.js';
export * from './gate-condition-schema.js';
export * from './is-record.js';
export * from './open-object.js';
export * from './require-agreement.js';
export * from './string-list-schema.js';
export * from './warning-issue.js';
