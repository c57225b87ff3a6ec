/** Normalise: small pieces shared by the functions that turn validated files into model types. */
export * from './extra-keys.js';
export * from './omit-undefined.js';
export * from './resolve-gates.js';
export * from './unique.js';
