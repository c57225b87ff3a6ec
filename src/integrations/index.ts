/**
 * Integrations: Kairos's bridges to other tools' formats and systems — CloudEvents, JUnit and
 * coverage readers, webhooks (pipeline triggers) and release signing (Ed25519); git lives in
 * `./git`.
 */
export * from './cloudevents/index.js';
export * from './test-reports/index.js';
export * from './webhooks/index.js';
export * from './release-signing/index.js';
export * from './http/index.js';
