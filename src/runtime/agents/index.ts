export * from './agent-runner.js';
export * from './instant-agent-runner.js';
export * from './command-agent.js';
export * from './workspace-agent-runner.js';
export * from './builtin/index.js';
