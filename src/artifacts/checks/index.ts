/**
 * Checks across planning files: the names each file defines and uses, references nothing defines,
 * duplicate ids and `dependsOn` cycles, each reported where it is written.
 */
export * from './check-across-files.js';
export * from './check-dependency-cycles.js';
export * from './check-duplicate-ids.js';
export * from './check-machine-ids.js';
export * from './check-planning-symbols.js';
export * from './check-references.js';
export * from './planning-symbols.js';
export * from './site-locator.js';
export * from './suggester.js';
export * from './symbols-of.js';
