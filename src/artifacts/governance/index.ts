/** `factory-governance.yaml`: planning mode, approval roles, users, capacity and deployment freezes. */
export * from './factory-governance-schema.js';
export * from './governance-symbols.js';
export * from './normalize-governance.js';
export * from './planning-mode-spellings.js';
