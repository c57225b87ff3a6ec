/** Test helpers for the artifacts layer: spec fixtures and in-memory workspaces. Not part of the build. */
export * from './check-texts.js';
export * from './read-spec-fixture.js';
