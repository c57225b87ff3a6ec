import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverWebhook, type WebhookDelivery } from './deliver-webhook.js';

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

/** A real endpoint answering its n-th request with `statuses[n]` (the last one after that). */
async function endpoint(statuses: number[]): Promise<{ url: string; keys: (string | undefined)[] }> {
  const keys: (string | undefined)[] = [];
  const server = createServer((request, response) => {
    keys.push(request.headers['idempotency-key'] as string | undefined);
    request.resume();
    response.statusCode = statuses[Math.min(keys.length - 1, statuses.length - 1)] ?? 200;
    response.end(response.statusCode === 200 ? 'ok' : 'not now');
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook?token=secret`, keys };
}

function delivery(url: string, delays: number[], retries = 2): WebhookDelivery {
  return { url, headers: {}, body: '{}', idempotencyKey: 'key-1', retries, backoffMs: 100, timeoutMs: 5000, wait: (ms) => Promise.resolve(void delays.push(ms)) };
}

describe('deliverWebhook (real HTTP)', () => {
  it('retries 5xx with doubling backoff and the same Idempotency-Key, until a 2xx', async () => {
    const target = await endpoint([503, 502, 200]);
    const delays: number[] = [];
    expect(await deliverWebhook(delivery(target.url, delays))).toEqual({ ok: true, status: 200, attempts: 3, response: 'ok' });
    expect(delays).toEqual([100, 200]);
    expect(target.keys).toEqual(['key-1', 'key-1', 'key-1']);
  });

  it('gives up after the retries, and fails a 4xx at once, naming the endpoint without its query', async () => {
    const busy = await endpoint([503]);
    const outcome = await deliverWebhook(delivery(busy.url, [], 1));
    expect(outcome).toMatchObject({ ok: false, attempts: 2, status: 503 });
    expect(outcome.ok === false && outcome.reason).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/hook answered HTTP 503: not now \(2 attempts\)$/);
    const refused = await endpoint([404]);
    expect(await deliverWebhook(delivery(refused.url, []))).toMatchObject({ ok: false, attempts: 1, status: 404 });
  });

  it('retries a refused connection, then says why it failed', async () => {
    const gone = await endpoint([200]);
    await new Promise((done) => servers.pop()?.close(done));
    const delays: number[] = [];
    const outcome = await deliverWebhook(delivery(gone.url, delays, 1));
    expect(outcome).toMatchObject({ ok: false, attempts: 2 });
    expect(outcome.ok === false && outcome.reason).toMatch(/failed: .*ECONNREFUSED.* \(2 attempts\)$/);
    expect(delays).toEqual([100]);
  });
});
