import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One JSON line a child printed. */
export type ChildMessage = Record<string, unknown>;

/** A running `store-child.mjs`: its messages so far, and ways to wait for more. */
export interface StoreChild {
  readonly pid: number;
  readonly messages: readonly ChildMessage[];
  /** Resolves once `count` messages satisfy `test`; rejects if the child exits first. */
  waitFor(test: (message: ChildMessage) => boolean, count?: number): Promise<ChildMessage[]>;
  /** Tells a ready child to start. */
  go(): void;
  kill(signal: NodeJS.Signals): void;
  /** Settles when the child exited, with its exit code or signal and what it wrote on stderr. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const childScript = fileURLToPath(new URL('./children/store-child.mjs', import.meta.url));

/** Path of the built store module the children import; refuses a missing or stale build. */
export function builtStoreModule(): string {
  const built = join(repoRoot, 'dist/src/store/index.js');
  if (!existsSync(built)) throw new Error(`${built} is missing: child processes import the built store; run npm run build first`);
  const sources = join(repoRoot, 'src/store');
  const stale = sourceFiles(sources).filter((source) => {
    const output = join(repoRoot, 'dist/src/store', relative(sources, source)).replace(/\.ts$/, '.js');
    return !existsSync(output) || statSync(output).mtimeMs < statSync(source).mtimeMs;
  });
  if (stale.length > 0) {
    throw new Error(`dist/ is older than ${relative(repoRoot, stale[0] as string)} (and ${stale.length - 1} more): run npm run build first`);
  }
  return built;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * Starts `store-child.mjs` in `mode` on the log at `url`, and resolves once it opened the log and is
 * ready (call `go()` to start it).
 */
export async function spawnStoreChild(url: string, workspace: string, mode: string, args: readonly string[]): Promise<StoreChild> {
  const child = spawn(process.execPath, [childScript, mode, ...args], {
    cwd: repoRoot,
    env: { ...process.env, KAIROS_STORE_MODULE: builtStoreModule(), KAIROS_STORE_URL: url, KAIROS_WORKSPACE: workspace },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const messages: ChildMessage[] = [];
  const watchers = new Set<() => void>();
  let stderr = '';
  let buffered = '';
  let ended = false;
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.trim() !== '') messages.push(JSON.parse(line) as ChildMessage);
    }
    for (const watch of [...watchers]) watch();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => {
      ended = true;
      for (const watch of [...watchers]) watch();
      resolve({ code, signal, stderr });
    });
  });
  const waitFor = (test: (message: ChildMessage) => boolean, count = 1): Promise<ChildMessage[]> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const found = messages.filter(test);
        if (found.length >= count) {
          watchers.delete(check);
          resolve(found);
        } else if (ended) {
          watchers.delete(check);
          reject(new Error(`child ${mode} ${args.join(' ')} exited before ${count} expected message(s); stderr: ${stderr}; last: ${JSON.stringify(messages.at(-1))}`));
        }
      };
      watchers.add(check);
      check();
    });
  await waitFor((message) => message.ready === true);
  return {
    pid: child.pid as number,
    messages,
    waitFor,
    go: () => child.stdin.write('go\n'),
    kill: (signal) => child.kill(signal),
    exited,
  };
}
