import { execFile, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { w3cSpanId, w3cTraceId } from '../domain/trace-context/index.js';
import { checkMetrics, promtoolLookup, requireTool, specLabelsOnly } from '../testing/index.js';
import { cliPath, runKairos, tempDir } from './testing/run-kairos.js';

const promtool = requireTool(promtoolLookup);

/** A command agent that answers the default sprint machine and reports the traceparent it was given. */
const agentScript = `
let input = '';
process.stdin.on('data', (chunk) => (input += chunk)).on('end', () => {
  const context = JSON.parse(input);
  const say = (type, data = {}, featureId) => console.log(JSON.stringify({ type, data, ...(featureId ? { featureId } : {}) }));
  switch (context.role + '@' + context.currentState) {
    case 'qa@ValidatingScope': say('SprintTestPlanReady', { sprintId: context.sprintId }); break;
    case 'devops-engineer@ValidatingInfra': say('SprintInfraReady', { sprintId: context.sprintId }); break;
    case 'backend-developer@Active':
      for (const f of context.features) { say('ArtifactProduced', { path: 'src/' + f + '.ts', traceparent: process.env.TRACEPARENT }, f); say('FeatureStatusChanged', { status: 'completed' }, f); }
      break;
    case 'qa@Verifying':
      for (const f of context.features) { say('TestRunCompleted', { suite: f + '.feature', passed: 4, failed: 0 }, f); say('CoverageReported', { coverage: 95 }, f); }
      break;
  }
});
`;

/** One milestone, one sprint of two features; the backend developer's environment holds a token. */
function workspace(): string {
  const dir = tempDir('kairos-observability-');
  mkdirSync(join(dir, 'planning'));
  mkdirSync(join(dir, 'agents'));
  writeFileSync(join(dir, 'agents', 'agent.mjs'), agentScript);
  const agent = (id: string): string => `  - id: ${id}\n    roles: [${id}]\n    skills: [Work]\n    executor: { type: command, command: [node, agents/agent.mjs], env: { GITHUB_TOKEN: ghp-very-secret } }\n    timeoutMs: 30000\n`;
  writeFileSync(join(dir, 'planning', 'agents.yaml'), `agents:\n${['qa', 'devops-engineer', 'backend-developer', 'test-generator'].map(agent).join('')}`);
  writeFileSync(join(dir, 'planning', 'factory-governance.yaml'), 'planningMode: autonomous\n');
  writeFileSync(join(dir, 'planning', 'features.yaml'), ['A', 'B'].map((id) => `- featureId: ${id}\n  title: Feature ${id}\n  priority: P1\n`).join(''));
  writeFileSync(join(dir, 'planning', 'milestones.yaml'), 'milestones:\n  - id: m1\n    features: [A, B]\n    gateConditions: [testsPassed]\n');
  writeFileSync(join(dir, 'planning', 'sprints.yaml'), 'sprints:\n  - id: sprint-1\n    milestone: m1\n    features: [A, B]\n    agents: [backend-developer, qa]\n    gates: [testsPassed]\n');
  return dir;
}

interface Received {
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local OTLP/HTTP receiver: records every POST and answers 200. */
async function otlpReceiver(): Promise<{ endpoint: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => {
      received.push({ url: request.url ?? '', headers: request.headers, body });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, received, close: () => new Promise((done) => server.close(() => done())) };
}

/** Runs kairos without blocking this process (the receiver above must answer meanwhile). */
async function kairos(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, [cliPath, ...args], { cwd, env: { ...process.env, KAIROS_STORE: '', ...env } });
}

const otelOff = { OTEL_TRACES_EXPORTER: '', OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: '', KAIROS_LOG_LEVEL: '' };
const receivers: { close(): Promise<void> }[] = [];

afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: { key: string; value: Record<string, unknown> }[];
}

function spansOf(received: readonly Received[]): OtlpSpan[] {
  return received.flatMap((request) => {
    const body = JSON.parse(request.body) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };
    return body.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans));
  });
}

function attribute(span: OtlpSpan, key: string): unknown {
  const value = span.attributes.find((item) => item.key === key)?.value;
  return value === undefined ? undefined : Object.values(value)[0];
}

describe('observability of kairos run', () => {
  it('exports the spans of a run over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set, the agent spans joining through TRACEPARENT', async () => {
    const receiver = await otlpReceiver();
    receivers.push(receiver);
    const dir = workspace();
    const run = await kairos(['run', '--until', 'idle', '--log-level', 'debug'], dir, { ...otelOff, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_SERVICE_NAME: 'kairos-e2e' });
    expect(run.stdout).toMatch(/sprint-1\s+Closed/);

    expect(receiver.received.length).toBeGreaterThan(0);
    expect(receiver.received.every((request) => request.url === '/v1/traces' && /^application\/json/.test(String(request.headers['content-type'])))).toBe(true);
    expect(receiver.received[0]?.body).toContain('"kairos-e2e"');
    const spans = spansOf(receiver.received);
    const sprint = spans.find((span) => span.name === 'sprint sprint-1') as OtlpSpan;
    expect(sprint).toBeDefined();
    const traceId = attribute(sprint, 'traceId') as string;
    expect(sprint.traceId).toBe(w3cTraceId(traceId));
    expect(sprint.spanId).toBe(w3cSpanId('sprint', 'sprint-1', traceId));

    // The traceparent the backend developer got names its execution's span, a child of the sprint's.
    const events = runKairos(['events', '--json'], dir, otelOff).stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string; data: Record<string, unknown> });
    const given = events.find((event) => event.type === 'ArtifactProduced')?.data['traceparent'] as string;
    const [, givenTrace, givenSpan] = given.split('-');
    const execution = spans.find((span) => span.spanId === givenSpan) as OtlpSpan;
    expect(execution).toMatchObject({ traceId: givenTrace, parentSpanId: sprint.spanId, name: 'agent backend-developer Work' });
    expect(attribute(execution, 'agentId')).toBe('backend-developer');
    expect(spans.filter((span) => span.parentSpanId === sprint.spanId && span.name.startsWith('sprint ')).map((span) => span.name)).toContain('sprint Verifying → Closed');

    // Logs: JSON lines on stderr with the trace context; the agent's token never appears.
    const lines = run.stderr.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'agent backend-developer started for sprint-1', traceId, sprintId: 'sprint-1', agentId: 'backend-developer', tenantId: 'default', trace_id: w3cTraceId(traceId), span_id: givenSpan }));
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'sprint sprint-1: Verifying → Closed on AllTraceChecksPassed' }));
    expect(lines).toContainEqual(expect.objectContaining({ agentId: 'backend-developer', executor: 'command', env: { GITHUB_TOKEN: '[Redacted]' } }));
    expect(run.stderr).not.toContain('ghp-very-secret');
  });

  it('exports nothing and logs nothing by default; kairos metrics passes promtool; status --json adds the calendar', async () => {
    const receiver = await otlpReceiver();
    receivers.push(receiver);
    const dir = workspace();
    const run = await kairos(['run', '--until', 'idle'], dir, otelOff);
    expect(run.stderr).toBe('');
    expect(receiver.received).toEqual([]);

    const metrics = runKairos(['metrics'], dir, otelOff);
    expect(metrics.status).toBe(0);
    expect(metrics.stdout).toMatch(/^kairos_events_total\{type="SprintClosed"\} 1$/m);
    expect(metrics.stdout).toMatch(/^kairos_sprints\{state="Closed"\} 1$/m);
    expect(metrics.stdout).toMatch(/^kairos_orchestrator_lag_positions 0$/m);
    expect(metrics.stdout).toMatch(/^agent_execution_duration_seconds_count\{agentId="backend-developer",skillId="Work",sprintId="sprint-1",featureId="",moduleId="",status="Success"\} 1$/m);
    if (promtool !== undefined) expect(checkMetrics(promtool, metrics.stdout)).toEqual(specLabelsOnly);
    expect(runKairos(['metrics', '--label-limit', 'none'], dir, otelOff)).toMatchObject({ status: 2, stderr: expect.stringContaining('--label-limit "none": expected a positive whole number') });

    const status = JSON.parse(runKairos(['status', '--json'], dir, otelOff).stdout) as Record<string, unknown>;
    expect(Object.keys(status)).toEqual(['position', 'milestones', 'sprints', 'calendar']);
    expect(status['calendar']).toMatchObject({
      sprints: [{ sprintId: 'sprint-1', startedAt: expect.any(String), endedBy: 'SprintClosed', durationMs: expect.any(Number), idle: [] }],
      milestones: [{ milestoneId: 'm1', durationMs: expect.any(Number) }],
      agents: expect.arrayContaining([expect.objectContaining({ agentId: 'qa', executions: 2, failed: 0 })]),
      releases: [],
    });
  });

  it('refuses an unknown log level or span exporter with a usage error', () => {
    const dir = workspace();
    expect(runKairos(['status', '--log-level', 'loud'], dir, otelOff)).toMatchObject({ status: 2, stderr: expect.stringContaining("argument 'loud' is invalid") });
    const run = runKairos(['run', '--until', 'idle'], dir, { ...otelOff, OTEL_TRACES_EXPORTER: 'zipkin' });
    expect(run).toMatchObject({ status: 2, stderr: expect.stringContaining('OTEL_TRACES_EXPORTER=zipkin: unknown exporter zipkin; Kairos exports with otlp, console, none') });
    expect(runKairos(['events', '--json'], dir, otelOff).stdout.trim()).toBe('');
  });

  it('kairos serve drives the workspace and serves /metrics (the same figures as kairos metrics, promtool-checked), /healthz and problems', async () => {
    const dir = workspace();
    const server = spawn(process.execPath, [cliPath, 'serve', '--port', '0'], { cwd: dir, env: { ...process.env, ...otelOff, KAIROS_STORE: '' } });
    onTestFinished(() => {
      if (server.exitCode === null) server.kill('SIGKILL');
    });
    server.stderr.resume();
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    while (!/idle: following/.test(output)) await new Promise((resolve) => server.stdout.once('data', resolve));
    const url = /serving (http:\/\/\S+) \(\/metrics, \/healthz\)/.exec(output)?.[1] as string;

    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', position: expect.any(Number) });
    const scraped = await fetch(`${url}/metrics`);
    expect(scraped.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = await scraped.text();
    expect(body).toMatch(/^kairos_events_total\{type="SprintClosed"\} 1$/m);
    expect(body).toMatch(/^kairos_store_append_duration_seconds_count \d+$/m);
    const printed = runKairos(['metrics'], dir, otelOff).stdout;
    const events = (text: string): string[] => text.split('\n').filter((line) => line.startsWith('kairos_events_total{'));
    expect(events(body)).toEqual(events(printed));
    if (promtool !== undefined) expect(checkMetrics(promtool, body)).toEqual(specLabelsOnly);
    const missing = await fetch(`${url}/nope`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');

    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    server.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
