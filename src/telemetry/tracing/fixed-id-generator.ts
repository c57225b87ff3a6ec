import type { IdGenerator } from '@opentelemetry/sdk-trace-base';

/**
 * The SDK's id source made to hand out the ids Kairos derives (see `domain/trace-context`): set
 * `next` right before starting a span; the tracer then takes its trace id (for a root span) and
 * its span id from it.
 */
export class FixedIdGenerator implements IdGenerator {
  next = { traceId: '', spanId: '' };

  generateTraceId(): string {
    return this.next.traceId;
  }

  generateSpanId(): string {
    return this.next.spanId;
  }
}
