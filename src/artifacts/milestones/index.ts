/** `milestones.yaml`: its schema, its normalisation into `Milestone`, and the names it defines and uses. */
export * from './milestone-symbols.js';
export * from './milestones-schema.js';
export * from './normalize-milestones.js';
