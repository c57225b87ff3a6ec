/**
 * Gates: the catalog of named gate conditions and how a planning file's spelling of one resolves to
 * it. Evaluators over evidence live here too. Pure.
 */
export * from './gate-catalog.js';
