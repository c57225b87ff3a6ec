/** `agents.yaml`, the agent registry: schema, normalisation into `Agent`, built-in agent names, roles provided. */
export * from './agent-symbols.js';
export * from './agents-schema.js';
export * from './builtin-agent-names.js';
export * from './normalize-agents.js';
