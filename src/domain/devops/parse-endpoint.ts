/** A TCP endpoint. */
export interface HostPort {
  host: string;
  port: number;
}

/**
 * `host:port` (`[::1]:5432` for IPv6) as host and port, or what is wrong with it.
 *
 * @example parseHostPort('localhost:5432') → { host: 'localhost', port: 5432 }
 */
export function parseHostPort(text: string): HostPort | string {
  const match = /^(?:\[([^\]]+)\]|([^:\s/]+)):(\d{1,5})$/.exec(text.trim());
  if (match === null) return `expected host:port (such as localhost:5432 or [::1]:5432), got ${JSON.stringify(text)}`;
  const port = Number(match[3]);
  if (port < 1 || port > 65535) return `port ${port} is out of range 1–65535`;
  return { host: (match[1] ?? match[2]) as string, port };
}
