/**
 * The pure core of Kairos: events, state machines, gates and the decisions made over them.
 * Nothing here performs I/O, reads a clock or draws a random number; time and ids come in as arguments.
 */
export * from './errors/index.js';
export * from './events/index.js';
export * from './evidence/index.js';
export * from './fsm/index.js';
export * from './gates/index.js';
export * from './plan/index.js';
export * from './planning/index.js';
export * from './scaffold/index.js';
export * from './text/index.js';
export * from './orchestrator/index.js';
