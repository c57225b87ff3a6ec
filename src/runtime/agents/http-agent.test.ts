import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTTP, type CloudEvent } from 'cloudevents';
import { afterEach, describe, expect, it } from 'vitest';
import type { Agent, RetryPolicy } from '../../domain/planning/index.js';
import { executionTraceparent } from '../../domain/trace-context/index.js';
import { executionContext } from './command-agent.js';
import { executionRequestedType } from './http-agent-event.js';
import { runHttpAgent, type HttpAgentOptions } from './http-agent.js';
import { CallbackProblem, createHttpCallbacks } from './http-callbacks.js';
import { workspaceAgentRunner } from './workspace-agent-runner.js';
import { sampleExecutionRequest } from './testing/execution-request.js';

const request = sampleExecutionRequest();
const workspace = '/srv/workspaces/shop';
const retry: RetryPolicy = { skillRetryCount: 5, backoffMs: 100, backoffFactor: 3 };

/** What the test server received. */
interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

type Handler = (response: ServerResponse, count: number, incoming: IncomingMessage) => void;

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

/** A real HTTP server on 127.0.0.1 answering each request with `handler` (given the request's 1-based count). */
async function serve(handler: Handler): Promise<{ url: string; received: Received[]; arrived: Promise<void> }> {
  const received: Received[] = [];
  let signalArrival: () => void = () => undefined;
  const arrived = new Promise<void>((done) => {
    signalArrival = done;
  });
  const server = createServer((incoming, response) => {
    let body = '';
    incoming.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    incoming.on('end', () => {
      received.push({ method: incoming.method ?? '', url: incoming.url ?? '', headers: incoming.headers, body });
      handler(response, received.length, incoming);
      signalArrival();
    });
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/agents/qa?token=secret`, received, arrived };
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Runs the agent at `url`, recording the waits between attempts instead of sleeping them. */
async function run(url: string, options: HttpAgentOptions & { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<{ outcome: Awaited<ReturnType<typeof runHttpAgent>>; waits: number[] }> {
  const waits: number[] = [];
  const { timeoutMs, signal, ...rest } = options;
  const outcome = await runHttpAgent(
    { type: 'http', url, headers: { Authorization: 'Bearer t0k3n', 'Content-Type': 'text/plain' } },
    request,
    { workspace, signal: signal ?? new AbortController().signal },
    timeoutMs,
    retry,
    {
      wait: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
      ...rest,
    },
  );
  return { outcome, waits };
}

function cloudEventOf(received: Received): CloudEvent<unknown> {
  return HTTP.toEvent({ headers: received.headers, body: received.body }) as CloudEvent<unknown>;
}

describe('http agents (a real HTTP server)', () => {
  it('POSTs the execution context as a structured CloudEvent with the declared headers, and takes the result in the response', async () => {
    const reports = [{ type: 'SprintTestPlanReady', data: { sprintId: 'sprint-1' }, featureId: 'BookingFlow' }];
    const agent = await serve((response) => json(response, 200, { status: 'completed', reports, artifacts: ['execution/sprint-1/qa-coverage-report.md'] }));
    const { outcome } = await run(agent.url);
    expect(outcome).toEqual({ status: 'completed', reports, artifacts: ['execution/sprint-1/qa-coverage-report.md'] });

    const [sent] = agent.received as [Received];
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe('/agents/qa?token=secret');
    expect(sent.headers['authorization']).toBe('Bearer t0k3n');
    expect(sent.headers['traceparent']).toBe(executionTraceparent('trace-abc123', request.executionId));
    expect(sent.headers['content-type']).toMatch(/^application\/cloudevents\+json/);
    const event = cloudEventOf(sent);
    expect(event.validate()).toBe(true);
    expect(event).toMatchObject({ specversion: '1.0', id: request.executionId, type: executionRequestedType, source: 'kairos', subject: 'sprint-1', datacontenttype: 'application/json' });
    expect(event).toMatchObject({ traceid: 'trace-abc123', correlationid: 'corr-1', causationid: 'sprint-1#1:SprintStarted', sprintid: 'sprint-1', milestoneid: 'mvp-core', agentid: 'qa', traceparent: sent.headers['traceparent'] });
    expect(event.data).toEqual(executionContext(request, workspace));
    expect(event['callbackurl']).toBeUndefined();
  });

  it('takes a failed result with its reason and reports, and JSON lines like a command agent prints', async () => {
    const failing = await serve((response) => json(response, 201, { status: 'failed', reason: 'coverage 41% is under 80%', reports: [{ type: 'CoverageReported', data: { line: 41 } }] }));
    expect((await run(failing.url)).outcome).toEqual({ status: 'failed', reason: 'coverage 41% is under 80%', reports: [{ type: 'CoverageReported', data: { line: 41 } }] });

    const lines = await serve((response) => response.writeHead(200, { 'content-type': 'application/x-ndjson' }).end('{"type":"SprintTestPlanReady","data":{"n":1}}\n\n{"event":"FeatureStatusChanged","featureId":"BookingFlow"}\n'));
    expect((await run(lines.url)).outcome).toEqual({ status: 'completed', reports: [{ type: 'SprintTestPlanReady', data: { n: 1 } }, { type: 'FeatureStatusChanged', featureId: 'BookingFlow' }] });

    const empty = await serve((response) => response.writeHead(204).end());
    expect((await run(empty.url)).outcome).toEqual({ status: 'completed', reports: [] });
  });

  it('fails with the reason on a body that is not a result, never throwing', async () => {
    const bodies: [string, string, string][] = [
      ['text/html', '<html>\n  <body>Welcome to nginx!</body>\n</html>', 'the response body is not JSON: <html> <body>Welcome to nginx!</body> </html>'],
      ['application/json', '[1,2]', 'the result is not a JSON object {"status": "completed" | "failed", "reports": [...]}'],
      ['application/json', '{"status":"done"}', 'the result is invalid: "status" must be "completed" or "failed" (at status)'],
      ['application/json', '{"status":"completed","reports":{"type":"X"}}', 'the result is invalid: "reports" must be a list (at reports)'],
      ['application/json', '{"status":"completed","reports":[{"type":"X"},{"data":{}}]}', 'the result is invalid: report 2 has no "type" (the event type to report)'],
      ['application/json', '{"status":"completed","reports":[{"type":"X","data":[1]}]}', 'the result is invalid: report 1: "data" must be a JSON object'],
      ['application/json', '{"status":"completed","artifacts":[3]}', 'the result is invalid: each of "artifacts" must be a string (a workspace path) (at artifacts.0)'],
      ['application/x-ndjson', '{"type":"X"}\nnot json', 'the response body is invalid: line 2 is not JSON: not json'],
    ];
    for (const [type, body, reason] of bodies) {
      const agent = await serve((response) => response.writeHead(200, { 'content-type': type }).end(body));
      expect((await run(agent.url)).outcome).toEqual({ status: 'failed', reason });
    }
  });

  it('retries a 5xx with the agent backoff (backoffMs × backoffFactor^n), the same CloudEvent each time', async () => {
    const flaky = await serve((response, count) => (count === 1 ? response.writeHead(500).end('database restarting') : json(response, 200, { status: 'completed', reports: [] })));
    const { outcome, waits } = await run(flaky.url);
    expect(outcome).toEqual({ status: 'completed', reports: [] });
    expect(flaky.received).toHaveLength(2);
    expect(waits).toEqual([100]);
    expect(flaky.received[1]?.body).toBe(flaky.received[0]?.body);

    const down = await serve((response) => response.writeHead(503).end('{"title":"overloaded"}'));
    const failed = await run(down.url);
    expect(down.received).toHaveLength(3);
    expect(failed.waits).toEqual([100, 300]);
    expect(failed.outcome).toEqual({ status: 'failed', reason: `POST ${down.url.split('?')[0]} answered HTTP 503 Service Unavailable: {"title":"overloaded"} (3 attempts)` });

    const once = await serve((response) => response.writeHead(502).end());
    expect((await run(once.url, { transportRetries: 0 })).outcome).toMatchObject({ status: 'failed', reason: expect.stringMatching(/answered HTTP 502 Bad Gateway \(1 attempt\)$/) });
    expect(once.received).toHaveLength(1);
  });

  it('fails a 4xx at once, with the status and an excerpt of the body', async () => {
    const agent = await serve((response) => response.writeHead(404, { 'content-type': 'text/plain' }).end(`no agent here ${'x'.repeat(500)}`));
    const { outcome, waits } = await run(agent.url);
    expect(agent.received).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(outcome).toEqual({ status: 'failed', reason: `POST ${agent.url.split('?')[0]} answered HTTP 404 Not Found: no agent here ${'x'.repeat(186)}…` });
  });

  it('retries a refused or reset connection, then fails saying so', async () => {
    const closed = await serve(() => undefined);
    const port = new URL(closed.url).port;
    const server = servers.pop();
    await new Promise((done) => server?.close(done));
    const { outcome, waits } = await run(`http://127.0.0.1:${port}/agent`);
    expect(waits).toEqual([100, 300]);
    expect(outcome).toEqual({ status: 'failed', reason: `POST http://127.0.0.1:${port}/agent failed: connect ECONNREFUSED 127.0.0.1:${port} (3 attempts)` });

    const resetting = await serve((response, count) => (count === 1 ? response.socket?.destroy() : json(response, 200, { status: 'completed', reports: [] })));
    const recovered = await run(resetting.url);
    expect(recovered.outcome).toEqual({ status: 'completed', reports: [] });
    expect(resetting.received).toHaveLength(2);
    expect(recovered.waits).toEqual([100]);
  });

  it('waits with real timers between attempts when no wait is given', async () => {
    const flaky = await serve((response, count) => (count === 1 ? response.writeHead(500).end() : json(response, 200, { status: 'completed', reports: [] })));
    const outcome = await runHttpAgent({ type: 'http', url: flaky.url, headers: {} }, request, { workspace, signal: new AbortController().signal }, 5000, { skillRetryCount: 0, backoffMs: 20, backoffFactor: 2 });
    expect(outcome).toEqual({ status: 'completed', reports: [] });
    expect(flaky.received).toHaveLength(2);
  });

  it('fails an endpoint that hangs past the timeout, and stops when interrupted', async () => {
    const hanging = await serve(() => undefined);
    expect((await run(hanging.url, { timeoutMs: 300 })).outcome).toEqual({ status: 'failed', reason: 'timed out after 300 ms waiting for the response' });

    const stop = new AbortController();
    const running = run(hanging.url, { signal: stop.signal });
    await hanging.arrived;
    stop.abort();
    expect((await running).outcome).toEqual({ status: 'failed', reason: 'interrupted' });
  });

  it('refuses a response body over 10 MiB, declared or streamed', async () => {
    const declared = await serve((response) => response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(11 * 1024 * 1024) }).end());
    const reason = (url: string): string => `POST ${url.split('?')[0]} answered a body larger than 10485760 bytes; refused`;
    expect((await run(declared.url)).outcome).toEqual({ status: 'failed', reason: reason(declared.url) });

    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const streamed = await serve((response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      for (let index = 0; index < 11; index++) response.write(chunk);
      response.end('{}');
    });
    expect((await run(streamed.url)).outcome).toEqual({ status: 'failed', reason: reason(streamed.url) });
  });

  it('on 202 Accepted waits for the result callback, refusing bodies that are not results', async () => {
    const callbacks = createHttpCallbacks({ publicUrl: 'http://kairos.test:7070/' });
    const agent = await serve((response) => response.writeHead(202).end());
    const running = run(agent.url, { callbacks, timeoutMs: 30_000 });
    await agent.arrived;
    expect(cloudEventOf(agent.received[0] as Received)['callbackurl']).toBe('http://kairos.test:7070/api/executions/exec%3Asprint-1%231%3Aqa/result');
    expect(callbacks.resolve('exec:other', { status: 'completed' })).toEqual({ accepted: false, problem: CallbackProblem.UnknownExecution, message: 'no execution exec:other waits for a result callback' });
    expect(callbacks.resolve(request.executionId, { status: 'ok' })).toEqual({ accepted: false, problem: CallbackProblem.InvalidBody, message: 'the result is invalid: "status" must be "completed" or "failed" (at status)' });
    expect(callbacks.isAwaiting(request.executionId)).toBe(true);
    const reports = [{ type: 'SprintTestPlanReady', data: { sprintId: 'sprint-1' } }];
    expect(callbacks.resolve(request.executionId, { status: 'completed', reports })).toEqual({ accepted: true });
    expect((await running).outcome).toEqual({ status: 'completed', reports });
    expect(callbacks.resolve(request.executionId, { status: 'completed', reports })).toEqual({ accepted: false, problem: CallbackProblem.AlreadyResolved, message: 'execution exec:sprint-1#1:qa already has its result' });
  });

  it('fails when the callback never comes before the timeout, and answers a late one that it expired', async () => {
    const callbacks = createHttpCallbacks();
    const agent = await serve((response) => response.writeHead(202).end());
    expect((await run(agent.url, { callbacks, timeoutMs: 300 })).outcome).toEqual({ status: 'failed', reason: 'timed out after 300 ms waiting for the result callback' });
    expect(callbacks.isAwaiting(request.executionId)).toBe(false);
    expect(callbacks.resolve(request.executionId, { status: 'completed' })).toMatchObject({ accepted: false, problem: CallbackProblem.Expired });
  });

  it('fails a 202 at once where no callback endpoint is hosted, and forgets a wait the response answered', async () => {
    const agent = await serve((response) => response.writeHead(202).end());
    expect((await run(agent.url)).outcome).toEqual({ status: 'failed', reason: `POST ${agent.url.split('?')[0]} answered 202 Accepted, but this Kairos process hosts no result callback endpoint (POST /api/executions/exec%3Asprint-1%231%3Aqa/result)` });

    const callbacks = createHttpCallbacks();
    const answering = await serve((response) => json(response, 200, { status: 'completed' }));
    expect((await run(answering.url, { callbacks })).outcome).toEqual({ status: 'completed', reports: [] });
    expect(callbacks.resolve(request.executionId, { status: 'completed' })).toMatchObject({ accepted: false, problem: CallbackProblem.UnknownExecution });
  });

  it('runs from planning/agents.yaml through the workspace runner, with the agent timeout and backoff', async () => {
    const down = await serve((response) => response.writeHead(500).end());
    const agent: Agent = { id: 'qa', roles: ['qa'], skills: [], executor: { type: 'http', url: down.url, headers: {} }, timeoutMs: 5000, retry: { skillRetryCount: 0, backoffMs: 7, backoffFactor: 2 }, concurrency: 1, extra: {} };
    const waits: number[] = [];
    const runner = workspaceAgentRunner([agent], {}, { wait: (ms) => Promise.resolve(void waits.push(ms)) });
    expect(await runner.run(request, { workspace, signal: new AbortController().signal })).toMatchObject({ status: 'failed', reason: expect.stringMatching(/answered HTTP 500 Internal Server Error \(3 attempts\)$/) });
    expect(waits).toEqual([7, 14]);

    const hanging = await serve(() => undefined);
    const slow = workspaceAgentRunner([{ ...agent, executor: { type: 'http', url: hanging.url, headers: {} }, timeoutMs: 200 }]);
    expect(await slow.run(request, { workspace, signal: new AbortController().signal })).toEqual({ status: 'failed', reason: 'timed out after 200 ms waiting for the response' });
  });
});
