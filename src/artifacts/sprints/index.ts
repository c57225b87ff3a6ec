/** `sprints.yaml` and `sprint-plan.yaml`: schema, normalisation into `Sprint`, names defined and used. */
export * from './normalize-sprints.js';
export * from './sprint-symbols.js';
export * from './sprints-schema.js';
