/**
 * Planning: the normalised model of a workspace's planning files (milestones, sprints, features,
 * agents, governance). The artifacts layer turns YAML into these; the planner and orchestrator read
 * them. Pure types and small pure helpers.
 */
export * from './agent.js';
export * from './feature.js';
export * from './governance.js';
export * from './milestone.js';
export * from './role-key.js';
export * from './sprint.js';
export * from './approver.js';
