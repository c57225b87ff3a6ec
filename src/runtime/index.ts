/**
 * The runtime: the shell around the pure core. It reads clocks, makes ids, and performs what the
 * domain decides — recording plans today; the orchestrator loop, agents and retries as they arrive.
 */
export * from './clock.js';
export * from './plan/record-plan.js';
export * from './plan/propose-plan.js';
export * from './agents/index.js';
export * from './orchestrator/index.js';
