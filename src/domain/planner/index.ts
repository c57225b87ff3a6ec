/**
 * The planner: the Product Owner role's built-in agent, pure. It partitions a backlog into proposed
 * sprints by dependencies, milestones, priority and capacity, defers what cannot be placed with a
 * typed reason, rolls overflow forward, and re-plans only what changed.
 */
export * from './backlog-plan.js';
export * from './deferral.js';
export * from './feature-decisions.js';
export * from './plan-backlog.js';
export * from './sprint-load.js';
