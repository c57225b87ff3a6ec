import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where to look for a tool, in order: an environment variable, the PATH, then fixed places. */
export interface ToolLookup {
  /** The program's name, looked up on the PATH (`promtool`). */
  name: string;
  /** A variable naming the program's path (`KAIROS_PROMTOOL`); it wins when set. */
  variable: string;
  /** Paths tried after the PATH (`/opt/prometheus-deb/usr/bin/promtool`). */
  fallbacks?: readonly string[];
  /** How to get it, for the skip message (`apt-get download prometheus && dpkg -x …`). */
  install: string;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The tool's path, or undefined when it is nowhere to be found. */
export function findTool(lookup: ToolLookup, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const named = env[lookup.variable];
  if (named !== undefined && named !== '') return isExecutable(named) ? named : undefined;
  for (const folder of (env['PATH'] ?? '').split(delimiter)) {
    if (folder === '') continue;
    const candidate = join(folder, lookup.name);
    if (isExecutable(candidate)) return candidate;
  }
  return lookup.fallbacks?.find(isExecutable);
}

/**
 * The tool's path for a test file; undefined (after printing why the tests that need it skip)
 * when it is absent. With `KAIROS_REQUIRE_ALL=1` an absent tool throws instead: the test file fails.
 *
 * @example
 * const promtool = requireTool(promtoolLookup);
 * describe.skipIf(promtool === undefined)('promtool', () => { … });
 */
export function requireTool(lookup: ToolLookup, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const path = findTool(lookup, env);
  if (path !== undefined) return path;
  const named = env[lookup.variable];
  const where = named !== undefined && named !== '' ? `${lookup.variable}=${named} is not an executable` : `not set in ${lookup.variable}, not on the PATH${lookup.fallbacks?.length ? ` nor at ${lookup.fallbacks.join(', ')}` : ''}`;
  const reason = `${lookup.name} not found (${where}); get it with: ${lookup.install}`;
  if (env['KAIROS_REQUIRE_ALL'] === '1') throw new Error(`KAIROS_REQUIRE_ALL=1 and ${reason}`);
  console.warn(`skipping the tests that need ${lookup.name}: ${reason}`);
  return undefined;
}

/** promtool, from Debian's `prometheus` package, unpacked rather than installed. */
export const promtoolLookup: ToolLookup = {
  name: 'promtool',
  variable: 'KAIROS_PROMTOOL',
  fallbacks: ['/opt/prometheus-deb/usr/bin/promtool'],
  install: 'cd /tmp && apt-get download prometheus && dpkg -x prometheus_*.deb /opt/prometheus-deb',
};
