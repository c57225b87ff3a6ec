import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built CLI; `npm test` builds before running the suite. */
export const cliPath = fileURLToPath(new URL('../../../dist/src/cli/main.js', import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `kairos ARGS` to completion in `cwd`. */
export function runKairos(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, KAIROS_STORE: '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `kairos ARGS` in the background. */
export function startKairos(args: readonly string[], cwd: string): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [cliPath, ...args], { cwd, env: { ...process.env, KAIROS_STORE: '' } });
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'kairos-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
