/**
 * Sealed releases: on MilestoneCompleted, `releases/<milestoneId>/release-manifest.json` (the
 * milestone's evidence, canonical JSON) signed with the workspace's Ed25519 key, and the check
 * `kairos verify-release` runs over one (signature, artifacts' hashes, the log replayed).
 */
export * from './release-folder.js';
export * from './release-evidence.js';
export * from './seal-release.js';
export * from './release-sealer.js';
export * from './verify-release.js';
