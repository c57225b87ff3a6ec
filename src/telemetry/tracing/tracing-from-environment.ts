import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ConsoleSpanExporter, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { UsageError } from '../../domain/errors/index.js';
import { EventSpans, type EventSpansOptions } from './event-spans.js';

/** The span exporters Kairos ships (`OTEL_TRACES_EXPORTER`); OTLP goes over HTTP with JSON. */
const exporters = ['otlp', 'console', 'none'] as const;

/**
 * The `OTEL_TRACES_EXPORTER` names asked for, or none when tracing is off: off by default, on with
 * `OTEL_TRACES_EXPORTER=otlp|console` or, when that is unset, with an OTLP endpoint
 * (`OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`); `OTEL_SDK_DISABLED=true`
 * turns it off. An unknown exporter name is a usage error.
 */
export function tracesExporters(env: NodeJS.ProcessEnv): ('otlp' | 'console')[] {
  if (env['OTEL_SDK_DISABLED']?.trim().toLowerCase() === 'true') return [];
  const setting = env['OTEL_TRACES_EXPORTER']?.trim() ?? '';
  if (setting === '') return nonEmpty(env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']) || nonEmpty(env['OTEL_EXPORTER_OTLP_ENDPOINT']) ? ['otlp'] : [];
  const names = setting.split(',').map((name) => name.trim().toLowerCase()).filter((name) => name !== '');
  const unknown = names.filter((name) => !(exporters as readonly string[]).includes(name));
  if (unknown.length > 0) throw new UsageError(`OTEL_TRACES_EXPORTER=${setting}: unknown exporter ${unknown.join(', ')}; Kairos exports with ${exporters.join(', ')}`);
  return names.includes('none') ? [] : [...new Set(names as ('otlp' | 'console')[])];
}

/**
 * The spans sink the standard `OTEL_*` variables ask for (see `tracesExporters`), or undefined when
 * tracing is off: then nothing is built and nothing runs. OTLP settings (`OTEL_EXPORTER_OTLP_*`
 * endpoint, headers, timeout), batching (`OTEL_BSP_*`) and the resource (`OTEL_SERVICE_NAME`,
 * default `kairos`; `OTEL_RESOURCE_ATTRIBUTES`) are read by the OpenTelemetry SDK itself.
 */
export function tracingFromEnvironment(env: NodeJS.ProcessEnv, options: Omit<EventSpansOptions, 'spanProcessors' | 'resource'> = {}): EventSpans | undefined {
  const names = tracesExporters(env);
  if (names.length === 0) return undefined;
  const spanExporters: SpanExporter[] = names.map((name) => (name === 'otlp' ? new OTLPTraceExporter() : new ConsoleSpanExporter()));
  const resource = resourceFromAttributes({ 'service.name': 'kairos' }).merge(detectResources({ detectors: [envDetector] }));
  return new EventSpans({ ...options, resource, spanProcessors: spanExporters.map((exporter) => new BatchSpanProcessor(exporter)) });
}

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}
