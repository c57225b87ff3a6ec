/**
 * CI/CD pipelines: which event runs which pipeline (`pipelines:` of `planning/pipeline.yaml`, and
 * milestone triggers naming one), the idempotency key each run carries, and the runs' status and
 * CI runtime read back from the log. Pure: the runtime runs commands and delivers webhooks.
 */
export * from './pipeline-definition.js';
export * from './pipeline-run.js';
export * from './pipeline-status.js';
