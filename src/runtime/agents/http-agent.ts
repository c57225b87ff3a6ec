import { setTimeout as sleep } from 'node:timers/promises';
import type { ExecutionRequest } from '../../domain/orchestrator/index.js';
import { defaultRetryPolicy, type HttpExecutor, type RetryPolicy } from '../../domain/planning/index.js';
import { executionTraceparent } from '../../domain/trace-context/index.js';
import type { AgentOutcome, AgentRunContext } from './agent-runner.js';
import { describeUrl, messageOf, readBody, retryableCodes, transportFailure } from '../../integrations/http/index.js';
import { executionContext } from './command-agent.js';
import { executionRequestedEvent } from './http-agent-event.js';
import { excerpt, parseResultBody } from './http-agent-result.js';
import { callbackPath, type ExpectedCallback, type HttpCallbacks } from './http-callbacks.js';

/** Attempts after the first that a transport failure (5xx, refused or reset connection) gets, by default. */
export const defaultHttpTransportRetries = 2;

/** The largest response body read, by default (10 MiB). */
export const defaultMaxResponseBytes = 10 * 1024 * 1024;

/** How much of an error response is read for its excerpt. */
const errorBodyRead = 64 * 1024;

/** Options of `runHttpAgent`. */
export interface HttpAgentOptions {
  /** Where a 202 Accepted waits for its result; without it a 202 is a failed execution. */
  callbacks?: HttpCallbacks;
  /** Attempts after the first on 5xx and connection failures (`defaultHttpTransportRetries`). */
  transportRetries?: number;
  /** A larger response body fails the execution (`defaultMaxResponseBytes`). */
  maxResponseBytes?: number;
  /** Waits between attempts; rejects when `signal` aborts. Tests pass one that records the delays. */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** `HttpAgentOptions` with its defaults filled. */
export interface ResolvedHttpAgentOptions {
  callbacks: HttpCallbacks | undefined;
  transportRetries: number;
  maxResponseBytes: number;
  wait: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** Fills the defaults of `HttpAgentOptions`. */
export function resolveHttpAgentOptions(options: HttpAgentOptions = {}): ResolvedHttpAgentOptions {
  return {
    callbacks: options.callbacks,
    transportRetries: Math.max(0, Math.floor(options.transportRetries ?? defaultHttpTransportRetries)),
    maxResponseBytes: options.maxResponseBytes ?? defaultMaxResponseBytes,
    wait: options.wait ?? ((ms, signal) => sleep(ms, undefined, { signal })),
  };
}

/** What one attempt came to. */
type Attempt = { kind: 'outcome'; outcome: AgentOutcome } | { kind: 'retryable'; reason: string } | { kind: 'accepted' } | { kind: 'aborted' };

/**
 * Runs an `http` agent: POSTs the execution context (the command executor's stdin JSON) as a
 * structured-mode CloudEvent with the declared headers. A 2xx response carries the result (see
 * `parseResultBody`); 202 Accepted means it comes later through `options.callbacks`. 5xx and
 * connection failures are tried again, waiting `backoffMs × backoffFactor^n` of the agent's retry
 * policy, up to `transportRetries` times; these are transport retries of one execution, apart
 * from the orchestrator's skill retries (`skillRetryCount`, a new execution each). `timeoutMs`
 * bounds the whole execution: attempts, waits and the callback. Never throws: any failure is a
 * failed outcome with the reason.
 */
export async function runHttpAgent(
  executor: HttpExecutor,
  request: ExecutionRequest,
  context: AgentRunContext,
  timeoutMs: number | undefined,
  retry: RetryPolicy = defaultRetryPolicy,
  options: HttpAgentOptions = {},
): Promise<AgentOutcome> {
  const settings = resolveHttpAgentOptions(options);
  const target = `POST ${describeUrl(executor.url)}`;
  let expected: ExpectedCallback | undefined;
  try {
    // Waiting starts before the request goes out: a callback may overtake the 202 response.
    expected = settings.callbacks?.expect(request.executionId);
  } catch (error) {
    return { status: 'failed', reason: messageOf(error) };
  }
  const deadline = createDeadline(context.signal, timeoutMs);
  const stopped = (phase: string): AgentOutcome => ({ status: 'failed', reason: deadline.timedOut() ? `timed out after ${String(timeoutMs)} ms ${phase}` : 'interrupted' });
  try {
    let message: { headers: Headers; body: string };
    try {
      const event = executionRequestedEvent(request, executionContext(request, context.workspace, context.versionTags), settings.callbacks?.callbackUrl(request.executionId));
      const headers = new Headers(executor.headers);
      for (const [name, value] of Object.entries(event.headers)) headers.set(name, value);
      // W3C Trace Context: the agent's server spans join the execution's span.
      headers.set('traceparent', executionTraceparent(request.traceId, request.executionId));
      message = { headers, body: event.body };
    } catch (error) {
      return { status: 'failed', reason: `could not build the request to ${target}: ${messageOf(error)}` };
    }
    for (let attempt = 1; ; attempt++) {
      const result = await attemptOnce(executor.url, target, message, deadline.signal, settings.maxResponseBytes);
      if (result.kind === 'aborted') return stopped('waiting for the response');
      if (result.kind === 'outcome') return result.outcome;
      if (result.kind === 'accepted') {
        if (expected === undefined) return { status: 'failed', reason: `${target} answered 202 Accepted, but this Kairos process hosts no result callback endpoint (POST ${callbackPath(request.executionId)})` };
        const outcome = await untilAborted(expected.outcome, deadline.signal);
        return outcome ?? stopped('waiting for the result callback');
      }
      if (attempt > settings.transportRetries) return { status: 'failed', reason: `${result.reason} (${attempt} ${attempt === 1 ? 'attempt' : 'attempts'})` };
      try {
        await settings.wait(retry.backoffMs * retry.backoffFactor ** (attempt - 1), deadline.signal);
      } catch {
        return stopped(`before attempt ${attempt + 1} (the last: ${result.reason})`);
      }
    }
  } finally {
    deadline.dispose();
    expected?.end(deadline.signal.aborted ? 'expired' : 'answered');
  }
}

/** One POST and what its response means. */
async function attemptOnce(url: string, target: string, message: { headers: Headers; body: string }, signal: AbortSignal, maxResponseBytes: number): Promise<Attempt> {
  try {
    const response = await fetch(url, { method: 'POST', headers: message.headers, body: message.body, signal });
    if (response.status === 202) {
      await response.body?.cancel();
      return { kind: 'accepted' };
    }
    if (response.ok) {
      const body = await readBody(response, maxResponseBytes);
      if (body.truncated) return { kind: 'outcome', outcome: { status: 'failed', reason: `${target} answered a body larger than ${maxResponseBytes} bytes; refused` } };
      const outcome = parseResultBody(body.text, response.headers.get('content-type'));
      return { kind: 'outcome', outcome: typeof outcome === 'string' ? { status: 'failed', reason: outcome } : outcome };
    }
    const body = await readBody(response, errorBodyRead);
    const said = excerpt(body.text);
    const reason = `${target} answered HTTP ${response.status}${response.statusText === '' ? '' : ` ${response.statusText}`}${said === '' ? '' : `: ${said}`}`;
    return response.status >= 500 ? { kind: 'retryable', reason } : { kind: 'outcome', outcome: { status: 'failed', reason } };
  } catch (error) {
    if (signal.aborted) return { kind: 'aborted' };
    const failure = transportFailure(error);
    const reason = `${target} failed: ${failure.message}`;
    return failure.code !== undefined && retryableCodes.has(failure.code) ? { kind: 'retryable', reason } : { kind: 'outcome', outcome: { status: 'failed', reason } };
  }
}

/** One signal for the execution: aborted by the run's signal or when `timeoutMs` passes. */
function createDeadline(signal: AbortSignal, timeoutMs: number | undefined): { signal: AbortSignal; timedOut: () => boolean; dispose: () => void } {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = (): void => controller.abort(signal.reason);
  if (signal.aborted) controller.abort(signal.reason);
  else signal.addEventListener('abort', onAbort, { once: true });
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort(new Error(`timed out after ${timeoutMs} ms`));
        }, timeoutMs);
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      if (timer !== undefined) clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    },
  };
}

/** `promise`'s value, or undefined once `signal` aborts first. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | undefined> {
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise((done) => {
    const onAbort = (): void => done(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then((value) => {
      signal.removeEventListener('abort', onAbort);
      done(value);
    });
  });
}
