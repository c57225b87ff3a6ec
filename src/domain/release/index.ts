/**
 * Releases: the version tags computed from the plan (`booking-service:1.0.0-mvp-v1-trace123`), and
 * the sealed evidence of a completed milestone (`releases/<milestone>/release-manifest.json`): what
 * it holds, how it is built from the board and the log, and how two manifests differ. Pure: the
 * shell hashes files, signs and writes.
 */
export * from './version-template.js';
export * from './version-tags.js';
export * from './release-manifest.js';
export * from './release-differences.js';
