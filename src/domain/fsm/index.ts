/**
 * State machines as data: the definition a workspace file describes and the signal names a
 * transition may fire on besides catalog events. Pure.
 */
export * from './fsm-signal.js';
export * from './machine-id.js';
export * from './state-machine-definition.js';
