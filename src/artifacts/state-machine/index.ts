/**
 * State machine files (`planning/fsm/*.yaml` and the defaults in `machines/`): schema with state
 * checks and the engine's definition checks, normalisation with a content-hash version, roles
 * activated, and loading the machines a workspace runs.
 */
export * from './check-machine-definition.js';
export * from './load-machines.js';
export * from './machine-version.js';
export * from './normalize-state-machine.js';
export * from './state-machine-schema.js';
export * from './state-machine-symbols.js';
