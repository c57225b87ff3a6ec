/** Plans: how the declared plan of a workspace becomes events in the log. Pure. */
export * from './declared-plan-events.js';
