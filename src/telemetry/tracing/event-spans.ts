import { ROOT_CONTEXT, SpanKind, SpanStatusCode, TraceFlags, trace, type Attributes, type Tracer } from '@opentelemetry/api';
import { resourceFromAttributes, type Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { StoredEvent } from '../../domain/events/index.js';
import type { Board } from '../../domain/orchestrator/index.js';
import { executionSpanId, w3cSpanId, w3cTraceId } from '../../domain/trace-context/index.js';
import type { ObservedTransition, TelemetrySink } from '../telemetry-sink.js';
import { FixedIdGenerator } from './fixed-id-generator.js';

/** A sprint or milestone: what the spans of its transitions and executions nest under. */
export type SpanScope = 'sprint' | 'milestone';

export interface EventSpansOptions {
  /** Where finished spans go (a batch processor with an OTLP exporter; an in-memory one in tests). */
  spanProcessors: SpanProcessor[];
  /** Default: `service.name=kairos`. */
  resource?: Resource;
  /**
   * When a sprint (its first SprintPlanned) or milestone (MilestoneStarted) started, for one that
   * started before this process saw it: read from its stream. Without it such a span starts when it ends.
   */
  findStart?: (scope: SpanScope, id: string) => Promise<string | undefined>;
  /** Told of a span that could not be built (a failed `findStart`); never thrown. */
  onError?: (error: unknown) => void;
}

/** One span to record, its ids derived from Kairos' own (see `domain/trace-context`). */
interface SpanSpec {
  name: string;
  /** Kairos trace id: the W3C one is derived from it. */
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  start: string;
  end: string;
  attributes: Attributes;
  error?: string;
}

/** The span of a sprint or milestone in one of its traces. */
function scopeSpanId(scope: SpanScope, id: string, traceId: string): string {
  return w3cSpanId(scope, id, traceId);
}

/**
 * OpenTelemetry spans derived from the events (a `TelemetrySink`): a span per sprint (SprintPlanned
 * → SprintClosed or SprintAborted) and per milestone (MilestoneStarted → MilestoneCompleted), and
 * under them a span per state transition (the stay in the state it left) and per agent execution
 * (its `durationMs` up to AgentExecutionCompleted or AgentSkillFailed). Span and trace ids are
 * derived from Kairos' ids, so the span an agent got as its `traceparent` is the execution's, and
 * spans recorded by different processes (a restart) nest all the same. Times are the events'
 * `occurredAt` labels. Attributes as the spec lists them: agentId, skillId, sprintId, moduleId,
 * securityScope, traceId, tenantId.
 */
export class EventSpans implements TelemetrySink {
  private readonly provider: BasicTracerProvider;
  private readonly tracer: Tracer;
  private readonly ids = new FixedIdGenerator();
  /** When each sprint or milestone started (`sprint:<id>`), and each later trace of a rewound sprint (`sprint:<id>:<traceId>`). */
  private readonly starts = new Map<string, string>();
  /** What an execution's start said (its skills and features), until it ends. */
  private readonly executions = new Map<string, { allowedSkills: string[]; features: string[]; role?: string }>();
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly options: EventSpansOptions) {
    this.provider = new BasicTracerProvider({
      resource: options.resource ?? resourceFromAttributes({ 'service.name': 'kairos' }),
      idGenerator: this.ids,
      spanProcessors: options.spanProcessors,
    });
    this.tracer = this.provider.getTracer('kairos');
  }

  onEvent(event: StoredEvent, board: Board): void {
    switch (event.type) {
      case 'SprintPlanned':
        if (event.sprintId !== undefined && !this.starts.has(`sprint:${event.sprintId}`)) this.starts.set(`sprint:${event.sprintId}`, event.occurredAt);
        break;
      case 'SprintRewound': {
        const sprint = event.sprintId === undefined ? undefined : board.sprints.get(event.sprintId);
        if (sprint !== undefined) this.starts.set(`sprint:${sprint.id}:${sprint.traceId}`, event.occurredAt);
        break;
      }
      case 'MilestoneStarted':
        if (event.milestoneId !== undefined && !this.starts.has(`milestone:${event.milestoneId}`)) this.starts.set(`milestone:${event.milestoneId}`, event.occurredAt);
        break;
      case 'AgentExecutionStarted':
        if (event.executionId !== undefined) {
          this.executions.set(event.executionId, { allowedSkills: strings(event.data['allowedSkills']), features: strings(event.data['features']), ...(typeof event.data['role'] === 'string' ? { role: event.data['role'] } : {}) });
        }
        break;
      case 'AgentExecutionCompleted':
      case 'AgentSkillFailed':
        this.execution(event);
        break;
      case 'SprintClosed':
      case 'SprintAborted':
        this.sprint(event, board);
        break;
      case 'MilestoneCompleted':
        this.milestone(event, board);
        break;
      default:
        break;
    }
  }

  onTransition(transition: ObservedTransition, event: StoredEvent): void {
    const scopeKey = transition.kind === 'sprint' ? 'sprintId' : 'milestoneId';
    this.record({
      name: `${transition.kind} ${transition.from} → ${transition.to}`,
      traceId: transition.traceId,
      spanId: w3cSpanId('transition', `${transition.kind}:${transition.id}:${transition.eventId}:${transition.from}`, transition.traceId),
      parentSpanId: scopeSpanId(transition.kind, transition.id, transition.traceId),
      start: transition.enteredFromAt ?? transition.occurredAt,
      end: transition.occurredAt,
      attributes: {
        [scopeKey]: transition.id,
        machine: transition.machine,
        from: transition.from,
        to: transition.to,
        on: transition.on,
        eventId: transition.eventId,
        traceId: transition.traceId,
        tenantId: event.tenantId,
        ...(transition.kind === 'sprint' ? { securityScope: `sprint:${transition.id}` } : {}),
        ...(event.moduleId === undefined ? {} : { moduleId: event.moduleId }),
      },
    });
  }

  /** Waits for spans still being built, exports every recorded span, and shuts the exporters down. */
  async shutdown(): Promise<void> {
    await this.settled();
    await this.provider.shutdown();
  }

  /** Waits for spans still being built and exports what is recorded. */
  async flush(): Promise<void> {
    await this.settled();
    await this.provider.forceFlush();
  }

  private async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private execution(event: StoredEvent): void {
    const { executionId, sprintId } = event;
    if (executionId === undefined || sprintId === undefined) return;
    const started = this.executions.get(executionId);
    this.executions.delete(executionId);
    const end = event.occurredAt;
    const durationMs = event.durationMs ?? 0;
    const endMs = Date.parse(end);
    const start = Number.isNaN(endMs) ? end : new Date(endMs - durationMs).toISOString();
    const featureId = event.featureId ?? (started?.features.length === 1 ? started.features[0] : undefined);
    const failed = event.type === 'AgentSkillFailed';
    this.record({
      name: `agent ${event.agentId ?? '?'}${event.skillId === undefined ? '' : ` ${event.skillId}`}`,
      traceId: event.traceId,
      spanId: executionSpanId(event.traceId, executionId),
      parentSpanId: scopeSpanId('sprint', sprintId, event.traceId),
      start,
      end,
      attributes: {
        agentId: event.agentId ?? '',
        ...(event.skillId === undefined ? {} : { skillId: event.skillId }),
        sprintId,
        ...(event.milestoneId === undefined ? {} : { milestoneId: event.milestoneId }),
        ...(event.moduleId === undefined ? {} : { moduleId: event.moduleId }),
        ...(featureId === undefined ? {} : { featureId }),
        securityScope: `sprint:${sprintId}`,
        ...(started === undefined ? {} : { allowedSkills: started.allowedSkills }),
        ...(started?.role === undefined ? {} : { role: started.role }),
        executionId,
        traceId: event.traceId,
        tenantId: event.tenantId,
        status: typeof event.data['status'] === 'string' ? event.data['status'] : failed ? 'Failed' : 'Success',
        durationMs,
      },
      ...(failed ? { error: event.reason ?? 'the agent skill failed' } : {}),
    });
  }

  /** The sprint's span in each trace it ran under (a rewind chains a new one). */
  private sprint(event: StoredEvent, board: Board): void {
    const sprint = event.sprintId === undefined ? undefined : board.sprints.get(event.sprintId);
    if (sprint === undefined) return;
    // Read now: the board's records change as later events are handled.
    const { id, milestoneId, moduleId } = sprint;
    const traces = sprint.traces.length > 0 ? sprint.traces.map((checkpoint) => checkpoint.traceId) : [sprint.traceId];
    const rewoundAt = traces.map((traceId) => this.starts.get(`sprint:${id}:${traceId}`));
    const known = this.starts.get(`sprint:${id}`);
    this.later(async () => {
      const first = known ?? (await this.options.findStart?.('sprint', id)) ?? event.occurredAt;
      const starts = rewoundAt.map((at, index) => (index === 0 ? first : (at ?? first)));
      traces.forEach((traceId, index) => {
        const last = index === traces.length - 1;
        this.record({
          name: `sprint ${id}`,
          traceId,
          spanId: scopeSpanId('sprint', id, traceId),
          start: starts[index] as string,
          end: last ? event.occurredAt : (starts[index + 1] as string),
          attributes: {
            sprintId: id,
            ...(milestoneId === undefined ? {} : { milestoneId }),
            ...(moduleId === undefined ? {} : { moduleId }),
            securityScope: `sprint:${id}`,
            traceId,
            tenantId: event.tenantId,
            outcome: last ? event.type : 'SprintRewound',
            ...(index > 0 ? { previousTraceId: traces[index - 1] as string } : {}),
          },
          ...(last && event.type === 'SprintAborted' ? { error: event.reason ?? 'the sprint was aborted' } : {}),
        });
      });
    });
  }

  private milestone(event: StoredEvent, board: Board): void {
    const milestone = event.milestoneId === undefined ? undefined : board.milestones.get(event.milestoneId);
    if (milestone === undefined) return;
    const { id, traceId, versionTag } = milestone;
    const known = this.starts.get(`milestone:${id}`);
    this.later(async () => {
      const start = known ?? (await this.options.findStart?.('milestone', id)) ?? event.occurredAt;
      this.record({
        name: `milestone ${id}`,
        traceId,
        spanId: scopeSpanId('milestone', id, traceId),
        start,
        end: event.occurredAt,
        attributes: { milestoneId: id, traceId, tenantId: event.tenantId, ...(versionTag === undefined ? {} : { versionTag }) },
      });
    });
  }

  /** Runs `build` in the background (it may read the log); `flush` and `shutdown` wait for it. */
  private later(build: () => Promise<void>): void {
    const running = build()
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => this.pending.delete(running));
    this.pending.add(running);
  }

  private record(spec: SpanSpec): void {
    const traceId = w3cTraceId(spec.traceId);
    this.ids.next = { traceId, spanId: spec.spanId };
    const parent = spec.parentSpanId === undefined ? ROOT_CONTEXT : trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId: spec.parentSpanId, traceFlags: TraceFlags.SAMPLED, isRemote: false });
    const end = timeOf(spec.end);
    const start = timeOf(spec.start) ?? end;
    const span = this.tracer.startSpan(spec.name, { kind: SpanKind.INTERNAL, attributes: spec.attributes, ...(start === undefined ? {} : { startTime: start }) }, parent);
    if (spec.error !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: spec.error });
    span.end(end);
  }
}

function timeOf(label: string): Date | undefined {
  const time = Date.parse(label);
  return Number.isNaN(time) ? undefined : new Date(time);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
