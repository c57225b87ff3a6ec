/** Test helpers for gates: given events, when a gate condition is evaluated. Not part of the build. */
export * from './given-evidence.js';
