import { setTimeout as sleep } from 'node:timers/promises';
import { describeUrl, readBody, retryableCodes, transportFailure } from '../http/index.js';

/** A webhook delivery: where, what, and how hard to try. */
export interface WebhookDelivery {
  url: string;
  headers: Readonly<Record<string, string>>;
  body: string;
  /** Sent as `Idempotency-Key`: the receiver drops a delivery it has seen (a retry, a re-run after a crash). */
  idempotencyKey: string;
  /** Attempts after the first on 5xx, 429, 408 and connection failures. */
  retries: number;
  /** Wait before the second attempt, doubled each next one. */
  backoffMs: number;
  /** Bound of one attempt. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Waits between attempts; tests pass one that records the delays. */
  wait?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

/** How a delivery ended. */
export type WebhookOutcome =
  | { ok: true; status: number; attempts: number; response: string }
  | { ok: false; reason: string; attempts: number; status?: number };

/** How much of a response body is read and kept (bytes). */
const responseKept = 1000;

/**
 * POSTs a webhook: success on 2xx; 5xx, 408, 429, no answer in time and the connection failures
 * the http agent retries too (refused, reset, unreachable…) are tried again after
 * `backoffMs × 2^n`, up to `retries` times; any other status or failure fails at once.
 * Never throws: a failure is an outcome with its reason.
 */
export async function deliverWebhook(delivery: WebhookDelivery): Promise<WebhookOutcome> {
  const wait = delivery.wait ?? ((ms, signal) => sleep(ms, undefined, signal === undefined ? {} : { signal }));
  const target = `POST ${describeUrl(delivery.url, 'the webhook')}`;
  for (let attempt = 1; ; attempt++) {
    const result = await attemptOnce(delivery, target);
    if (result.kind === 'done') {
      const attempts = `${attempt} ${attempt === 1 ? 'attempt' : 'attempts'}`;
      return result.outcome.ok ? { ...result.outcome, attempts: attempt } : { ...result.outcome, reason: `${result.outcome.reason} (${attempts})`, attempts: attempt };
    }
    if (attempt > delivery.retries || delivery.signal?.aborted === true) return { ok: false, reason: `${result.reason} (${attempt} ${attempt === 1 ? 'attempt' : 'attempts'})`, attempts: attempt, ...(result.status === undefined ? {} : { status: result.status }) };
    try {
      await wait(delivery.backoffMs * 2 ** (attempt - 1), delivery.signal);
    } catch {
      return { ok: false, reason: `interrupted before attempt ${attempt + 1} (the last: ${result.reason})`, attempts: attempt };
    }
  }
}

type Attempt = { kind: 'done'; outcome: { ok: true; status: number; response: string } | { ok: false; reason: string; status?: number } } | { kind: 'retry'; reason: string; status?: number };

async function attemptOnce(delivery: WebhookDelivery, target: string): Promise<Attempt> {
  const timeout = AbortSignal.timeout(delivery.timeoutMs);
  const signal = delivery.signal === undefined ? timeout : AbortSignal.any([delivery.signal, timeout]);
  try {
    const headers = new Headers(delivery.headers);
    headers.set('idempotency-key', delivery.idempotencyKey);
    const response = await fetch(delivery.url, { method: 'POST', headers, body: delivery.body, signal });
    const text = (await readBody(response, responseKept)).text;
    if (response.ok) return { kind: 'done', outcome: { ok: true, status: response.status, response: text } };
    const said = text.trim().slice(0, 200);
    const reason = `${target} answered HTTP ${response.status}${said === '' ? '' : `: ${said}`}`;
    if (response.status >= 500 || response.status === 429 || response.status === 408) return { kind: 'retry', reason, status: response.status };
    return { kind: 'done', outcome: { ok: false, reason, status: response.status } };
  } catch (error) {
    if (timeout.aborted) return { kind: 'retry', reason: `${target} did not answer within ${delivery.timeoutMs} ms` };
    const failure = transportFailure(error);
    const reason = `${target} failed: ${failure.message}`;
    if (delivery.signal?.aborted === true || failure.code === undefined || !retryableCodes.has(failure.code)) return { kind: 'done', outcome: { ok: false, reason } };
    return { kind: 'retry', reason };
  }
}
