/**
 * `pipeline.yaml`: the pipeline a workspace declares for the devops-readiness agent (commands,
 * environment, services, deployment constraints), and its release settings: how version tags are
 * formed (`versioning:`) and which pipelines events run (`pipelines:`).
 */
export * from './load-pipeline.js';
export * from './normalize-pipeline.js';
export * from './pipeline-schema.js';
export * from './load-release-settings.js';
export * from './normalize-release-settings.js';
