/**
 * Calendar time read from logical events (the spec's "Time Mapping in Studio Dashboards"): when
 * each sprint started and how long it took, how long milestones ran, agent execution time, CI/CD
 * runtime, and the idle gaps where a sprint waited for a person. Computed from the events'
 * `occurredAt` labels only; nothing here decides anything.
 */
export * from './calendar-time.js';
export * from './calendar-accumulator.js';
