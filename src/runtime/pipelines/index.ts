/** Pipelines: running the CI/CD pipelines events call for (commands and CloudEvents webhooks), recorded in the log before and after. */
export * from './pipeline-cursor.js';
export * from './pipeline-dispatcher.js';
export * from './run-pipeline-command.js';
