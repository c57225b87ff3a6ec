/** Webhooks: deliveries over HTTP with retries, backoff and an idempotency key (pipeline triggers). */
export * from './deliver-webhook.js';
