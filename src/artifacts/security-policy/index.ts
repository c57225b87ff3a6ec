/** `security-policy.yaml`: the checks a workspace asks the security-policy-validator agent to run (built-ins by name, or rules of its own). */
export * from './load-security-policy.js';
export * from './normalize-security-policy.js';
export * from './security-policy-schema.js';
