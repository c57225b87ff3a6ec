/**
 * Integrations: Kairos's bridges to other tools' formats and systems — CloudEvents today; git,
 * JUnit and coverage readers, webhooks and release signing as they arrive.
 */
export * from './cloudevents/index.js';
export * from './test-reports/index.js';
export * from './webhooks/index.js';
export * from './release-signing/index.js';
