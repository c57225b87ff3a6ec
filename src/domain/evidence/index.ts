/**
 * Evidence: what the log says about one scope (a sprint, or a milestone with its sprints), folded
 * from events into a compact, JSON-safe record the gates read. Here are the payload shapes each
 * evidence-carrying event should have, the scope definition, and the total fold. Pure.
 */
export * from './evidence-payloads.js';
export * from './evidence-scope.js';
export * from './scope-evidence.js';
export * from './evidence-event.js';
export * from './fold-evidence.js';
export * from './required-features.js';
export * from './feature-links.js';
export * from './security-statements.js';
export * from './read-commit.js';
export { normalizeOutcome, normalizeFeatureStatus } from './normalize-word.js';
export * from './rescope-evidence.js';
export { inBatch, wholeFold, type BatchOwnership } from './read-json.js';
