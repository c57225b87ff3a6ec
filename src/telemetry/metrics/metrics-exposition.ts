import type { Registry } from 'prom-client';

/** A scrape's answer: what a `/metrics` endpoint sends. */
export interface MetricsExposition {
  contentType: string;
  body: string;
}

/**
 * The registry's metrics in the Prometheus text format, with the content type to send them with:
 * what `kairos metrics` prints and a server mounts at `/metrics`.
 *
 * @example const { contentType, body } = await metricsExposition(metrics.registry)
 */
export async function metricsExposition(registry: Registry): Promise<MetricsExposition> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}
