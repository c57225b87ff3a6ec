/** CloudEvents: how Kairos events look outside the process (export, webhooks, HTTP agents). */
export * from './to-cloud-event.js';
export * from './pipeline-cloud-event.js';
