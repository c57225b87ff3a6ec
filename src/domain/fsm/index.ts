/**
 * State machines as data and the engine that runs them: the definition a workspace file describes,
 * its validation, compilation into lookup tables, the pure `transition` function over compact
 * instances, and the registry that keeps each instance on the machine version it started with. Pure.
 */
export * from './check-machine-replacement.js';
export * from './compile-machine.js';
export * from './compiled-machine.js';
export * from './fsm-signal.js';
export * from './machine-definition-error.js';
export * from './machine-diagnostic.js';
export * from './machine-id.js';
export * from './machine-instance.js';
export * from './machine-registry.js';
export * from './state-machine-definition.js';
export * from './target-ref.js';
export * from './transition.js';
export * from './validate-machine-definition.js';
export * from './waiting-states.js';
