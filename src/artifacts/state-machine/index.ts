/** State machine files (`planning/fsm/*.yaml`): schema with state checks, normalisation, roles activated. */
export * from './normalize-state-machine.js';
export * from './state-machine-schema.js';
export * from './state-machine-symbols.js';
