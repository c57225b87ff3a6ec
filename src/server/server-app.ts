import { Hono } from 'hono';

/** What the server serves, as functions of the workspace it runs for. */
export interface ServerDeps {
  /** The Prometheus exposition of the workspace's metrics, current at the call. */
  metrics(): Promise<{ contentType: string; body: string }>;
  /** The log's head position, for `/healthz`. */
  head(): Promise<number>;
}

/** The Hono app: `GET /healthz`, `GET /metrics`; anything else is a 404 problem. */
export function createServerApp(deps: ServerDeps): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => c.json({ status: 'ok', position: await deps.head() }));
  app.get('/metrics', async (c) => {
    const { contentType, body } = await deps.metrics();
    return c.body(body, 200, { 'content-type': contentType });
  });
  app.notFound((c) => c.json({ type: 'about:blank', title: 'Not Found', status: 404, detail: `no route for ${c.req.method} ${new URL(c.req.url).pathname}` }, 404, { 'content-type': 'application/problem+json' }));
  app.onError((error, c) =>
    c.json({ type: 'about:blank', title: 'Internal Server Error', status: 500, detail: error.message }, 500, { 'content-type': 'application/problem+json' }),
  );
  return app;
}
