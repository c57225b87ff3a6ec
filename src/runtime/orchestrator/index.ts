export * from './orchestrator.js';
export * from './orchestrator-checkpoint.js';
export * from './perform-execution.js';
export * from './workspace-lock.js';
export * from './write-file-atomic.js';
export * from './workspace-orchestrator-config.js';
export * from './sprint-state-path.js';
export * from './sprint-state-writer.js';
