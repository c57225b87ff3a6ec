import { SpanStatusCode } from '@opentelemetry/api';
import { millisToHrTime } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../domain/events/index.js';
import { executionSpanId, w3cSpanId, w3cTraceId } from '../../domain/trace-context/index.js';
import { Orchestrator } from '../../runtime/index.js';
import { EventSpans, KairosMetrics, metricsExposition, observeLog, scopeStartFinder, TelemetryObserver, timedEventStore } from '../../telemetry/index.js';
import { checkMetrics, promtoolLookup, requireTool, specLabelsOnly } from '../../testing/index.js';
import { flakyRunner, observedWorkspace, type ObservedWorkspace } from '../testing/observed-workspace.js';

const promtool = requireTool(promtoolLookup);
const opened: ObservedWorkspace[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((workspace) => workspace.dispose()));
});

async function workspace(): Promise<ObservedWorkspace> {
  const observed = await observedWorkspace();
  opened.push(observed);
  return observed;
}

/** The sample lines of the exposition (no comments), without the metrics only a live process has. */
function samples(text: string, without: RegExp = /^kairos_store_append_duration_seconds/): string[] {
  return text.split('\n').filter((line) => line !== '' && !line.startsWith('#') && !without.test(line));
}

function valueOf(text: string, sample: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
}

describe('metrics projected from the events', () => {
  it('counts what a real run did, and a fresh process reading the log gets the same figures', async () => {
    const { workspace: folder, store, config, clock } = await workspace();
    const live = new KairosMetrics({ config, lag: async () => (await store.head()).position - orchestrator.board.position });
    const orchestrator: Orchestrator = new Orchestrator({ store: timedEventStore(store, live), config, runner: flakyRunner, workspace: folder, clock, observer: new TelemetryObserver([live]) });
    await orchestrator.runUntilIdle();
    const { body, contentType } = await metricsExposition(live.registry);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);

    expect(valueOf(body, 'kairos_events_total{type="SprintClosed"}')).toBe(3);
    expect(valueOf(body, 'kairos_events_total{type="MilestoneCompleted"}')).toBe(2);
    expect(valueOf(body, 'kairos_sprints{state="Closed"}')).toBe(3);
    expect(valueOf(body, 'kairos_milestones{state="Completed"}')).toBe(2);
    expect(valueOf(body, 'kairos_state_transitions_total{machine="sprint",from="Verifying",to="Closed"}')).toBe(3);
    expect(valueOf(body, 'kairos_state_transitions_total{machine="milestone",from="Pending",to="Active"}')).toBe(2);
    // Both moves of one event: Active → GateCheck → Completed on the last sprint's SprintClosed.
    expect(valueOf(body, 'kairos_state_transitions_total{machine="milestone",from="Active",to="GateCheck"}')).toBe(2);
    expect(valueOf(body, 'kairos_state_transitions_total{machine="milestone",from="GateCheck",to="Completed"}')).toBe(2);
    // Each sprint's backend-developer failed once and was retried automatically.
    expect(valueOf(body, 'kairos_retries_total{kind="agent"}')).toBe(3);
    expect(valueOf(body, 'agent_execution_duration_seconds_count{agentId="backend-developer",skillId="Work",sprintId="s1",featureId="",moduleId="",status="Failed"}')).toBe(1);
    expect(valueOf(body, 'agent_execution_duration_seconds_count{agentId="qa",skillId="Work",sprintId="s3",featureId="D",moduleId="",status="Success"}')).toBe(2);
    expect(valueOf(body, 'kairos_gate_evaluations_total{gate="testsPassed",result="passed"}')).toBe(2);
    expect(valueOf(body, 'kairos_gate_evaluations_total{gate="testCoverageAbove90",result="passed"}')).toBe(3);
    expect(valueOf(body, 'kairos_orchestrator_lag_positions')).toBe(0);
    expect(valueOf(body, 'kairos_store_append_duration_seconds_count')).toBeGreaterThan(50);

    const replayed = new KairosMetrics({ config, lag: async () => 0 });
    await observeLog(store, config, new TelemetryObserver([replayed]));
    expect(samples((await metricsExposition(replayed.registry)).body)).toEqual(samples(body));

    if (promtool !== undefined) expect(checkMetrics(promtool, body)).toEqual(specLabelsOnly);
  });

  it('bounds label values: past the limit a value becomes "other", and the overflow is counted', async () => {
    const { workspace: folder, store, config, clock } = await workspace();
    await new Orchestrator({ store, config, runner: flakyRunner, workspace: folder, clock }).runUntilIdle();
    const metrics = new KairosMetrics({ config, labelLimit: 1 });
    await observeLog(store, config, new TelemetryObserver([metrics]));
    const { body } = await metricsExposition(metrics.registry);
    const sprints = new Set([...body.matchAll(/^agent_execution_duration_seconds_count\{[^}]*sprintId="([^"]*)"/gm)].map((match) => match[1]));
    expect(sprints).toEqual(new Set(['s1', 'other']));
    expect(valueOf(body, 'kairos_metric_label_overflow_total{label="sprintId"}')).toBeGreaterThan(0);
  });
});

describe('spans derived from the events', () => {
  it('nests transitions and agent executions under their sprint, with ids derived from Kairos ids', async () => {
    const { workspace: folder, store, config, clock } = await workspace();
    const exporter = new InMemorySpanExporter();
    const spans = new EventSpans({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const orchestrator = new Orchestrator({ store, config, runner: flakyRunner, workspace: folder, clock, observer: new TelemetryObserver([spans]) });
    await orchestrator.runUntilIdle();
    await spans.flush();
    const finished = exporter.getFinishedSpans();
    const s1 = orchestrator.board.sprints.get('s1');
    expect(s1).toBeDefined();
    const traceId = s1?.traceId as string;
    const inTrace = finished.filter((span) => span.spanContext().traceId === w3cTraceId(traceId));
    expect(inTrace.length).toBe(finished.length);

    const sprintSpan = finished.find((span) => span.name === 'sprint s1') as ReadableSpan;
    expect(sprintSpan.spanContext().spanId).toBe(w3cSpanId('sprint', 's1', traceId));
    expect(sprintSpan.parentSpanContext).toBeUndefined();
    expect(sprintSpan.attributes).toMatchObject({ sprintId: 's1', milestoneId: 'm1', traceId, tenantId: 'default', securityScope: 'sprint:s1', outcome: 'SprintClosed' });

    const children = finished.filter((span) => span.parentSpanContext?.spanId === sprintSpan.spanContext().spanId);
    const transitions = children.filter((span) => span.name.startsWith('sprint ')).map((span) => span.name);
    expect(transitions).toEqual([
      'sprint Planning → ValidatingScope',
      'sprint ValidatingScope → ValidatingInfra',
      'sprint ValidatingInfra → Ready',
      'sprint Ready → Active',
      'sprint Active → Verifying',
      'sprint Verifying → Closed',
    ]);
    const executions = children.filter((span) => span.name.startsWith('agent '));
    const failed = executions.filter((span) => span.status.code === SpanStatusCode.ERROR);
    expect(failed.map((span) => [span.name, span.status.message])).toEqual([['agent backend-developer Work', 'simulated flaky failure']]);
    for (const span of executions) {
      expect(span.attributes).toMatchObject({ sprintId: 's1', traceId, tenantId: 'default', securityScope: 'sprint:s1' });
      expect(span.spanContext().spanId).toBe(executionSpanId(traceId, span.attributes['executionId'] as string));
    }
    expect(executions.map((span) => span.attributes['agentId']).sort()).toEqual(['backend-developer', 'backend-developer', 'devops-engineer', 'qa', 'qa', 'test-generator']);

    // The sprint's span covers its life: from SprintPlanned to SprintClosed, its children inside it.
    const [start, end] = [sprintSpan.startTime, sprintSpan.endTime].map(([seconds, nanos]) => seconds * 1000 + nanos / 1e6) as [number, number];
    expect(end).toBeGreaterThan(start);
    for (const child of children) expect(child.endTime[0] * 1000 + child.endTime[1] / 1e6).toBeLessThanOrEqual(end);

    const milestone = finished.find((span) => span.name === 'milestone m1') as ReadableSpan;
    expect(finished.filter((span) => span.parentSpanContext?.spanId === milestone.spanContext().spanId).map((span) => span.name)).toEqual([
      'milestone Pending → Active',
      'milestone Active → GateCheck',
      'milestone GateCheck → Completed',
    ]);
  });

  it('gives a sprint that started before this process its start from the log (a restart)', async () => {
    const { workspace: folder, store, config, clock } = await workspace();
    const orchestrator = new Orchestrator({ store, config, runner: flakyRunner, workspace: folder, clock });
    await orchestrator.runUntilIdle();
    const events = await store.readAll({ limit: 10_000 });
    const planned = events.find((event) => event.type === 'SprintPlanned' && event.sprintId === 's2');
    const closed = events.find((event) => event.type === 'SprintClosed' && event.sprintId === 's2');
    // A process that sees only the closing event: without the log it could only start the span at the end.
    const exporter = new InMemorySpanExporter();
    const spans = new EventSpans({ spanProcessors: [new SimpleSpanProcessor(exporter)], findStart: scopeStartFinder(store) });
    spans.onEvent(closed as StoredEvent, orchestrator.board);
    await spans.flush();
    const [sprint] = exporter.getFinishedSpans();
    expect(sprint?.name).toBe('sprint s2');
    expect(sprint?.startTime).toEqual(millisToHrTime(Date.parse(planned?.occurredAt as string)));
    expect(sprint?.endTime).toEqual(millisToHrTime(Date.parse(closed?.occurredAt as string)));
  });
});

