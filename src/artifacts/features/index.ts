/** `features.yaml`, the backlog: schema (three forms), normalisation into `Feature`, names defined and used. */
export * from './feature-status-spellings.js';
export * from './feature-symbols.js';
export * from './features-schema.js';
export * from './normalize-features.js';
