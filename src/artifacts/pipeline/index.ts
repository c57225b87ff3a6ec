/** `pipeline.yaml`: the pipeline a workspace declares for the devops-readiness agent (commands, environment, services, deployment constraints). */
export * from './load-pipeline.js';
export * from './normalize-pipeline.js';
export * from './pipeline-schema.js';
