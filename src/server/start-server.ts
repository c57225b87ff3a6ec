import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';

/** A listening server: where, and how to stop it. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Listens on `host:port` (port 0: any free port); resolves once listening, rejects if it cannot. */
export function startServer(app: Hono, host: string, port: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error): void => reject(error);
    const server: ServerType = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      server.off('error', failed);
      const shown = info.address.includes(':') ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.once('error', failed);
  });
}
