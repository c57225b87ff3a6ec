/**
 * The HTTP edge (Hono): `createServerApp` builds the app from what it serves, and `startServer`
 * listens. Today `/healthz` and `/metrics` (Prometheus text); the REST API, the live event stream and
 * Studio join here. Errors are `application/problem+json`, mapped in one place.
 */
export * from './server-app.js';
export * from './start-server.js';
