/**
 * Observability with the ecosystem's own tools, behind small interfaces: Prometheus metrics
 * (prom-client, a registry of our own) projected from the events, OpenTelemetry spans derived from
 * the events with W3C ids computed from Kairos' ids, and pino logs carrying the trace context. The
 * orchestrator knows none of it: a `TelemetryObserver` is handed to it as its observer (see
 * `OrchestratorObserver`), and the same sinks can be fed from the log by `observeLog`.
 */
export * from './telemetry-sink.js';
export * from './telemetry-observer.js';
export * from './observe-log.js';
export * from './calendar-of-log.js';
export * from './metrics/label-limiter.js';
export * from './metrics/kairos-metrics.js';
export * from './metrics/metrics-exposition.js';
export * from './metrics/timed-event-store.js';
export * from './tracing/event-spans.js';
export * from './tracing/tracing-from-environment.js';
export * from './tracing/scope-start-finder.js';
export * from './logging/create-logger.js';
export * from './logging/redact.js';
export * from './logging/log-sink.js';
