import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { shellBuiltins } from '../../../domain/devops/index.js';

/** Most bytes kept of a process's stdout and of its stderr. */
const maxOutputBytes = 16 * 1024;

/** How a bounded process ended. */
export type ProcessResult =
  | { kind: 'exited'; code: number | null; signal: string | null; stdout: string; stderr: string }
  | { kind: 'timed-out' }
  | { kind: 'not-started'; message: string }
  | { kind: 'interrupted' };

/** Where and how long a bounded process runs. */
export interface BoundedRun {
  cwd: string;
  timeoutMs: number;
  signal: AbortSignal;
  env: NodeJS.ProcessEnv;
}

/**
 * Runs a probe or a check command in its own process group, killed whole when the timeout passes
 * or the signal aborts (a shell's children included). A string runs through the shell, a list
 * without one. Never rejects; the output kept is capped.
 */
export function runBounded(command: string | readonly string[], run: BoundedRun): Promise<ProcessResult> {
  if (run.signal.aborted) return Promise.resolve({ kind: 'interrupted' });
  const [program, ...args] = typeof command === 'string' ? [command] : command;
  return new Promise((done) => {
    let child;
    try {
      child = spawn(program as string, args, { cwd: run.cwd, env: run.env, shell: typeof command === 'string', detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      done({ kind: 'not-started', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    let stdout = '';
    let stderr = '';
    let ending: 'timed-out' | 'interrupted' | undefined;
    const killGroup = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(() => {
      ending ??= 'timed-out';
      killGroup();
    }, run.timeoutMs);
    const onAbort = (): void => {
      ending ??= 'interrupted';
      killGroup();
    };
    run.signal.addEventListener('abort', onAbort, { once: true });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < maxOutputBytes) stdout += chunk.slice(0, maxOutputBytes - stdout.length);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-maxOutputBytes);
    });
    let settled = false;
    const finish = (result: ProcessResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      run.signal.removeEventListener('abort', onAbort);
      done(result);
    };
    child.on('error', (error) => finish({ kind: 'not-started', message: error.message }));
    child.on('close', (code, signal) => finish(ending === undefined ? { kind: 'exited', code, signal, stdout, stderr } : { kind: ending }));
  });
}

/** Where a program was found, or why it was not. */
export type ProgramLookup = { found: true; where: string } | { found: false; missing: boolean; detail: string };

/**
 * Finds the program a command runs: a shell builtin; a path relative to the workspace (which it
 * must not leave) or absolute; else the first executable file of that name on `PATH`.
 */
export async function findProgram(program: string, workspace: string, env: NodeJS.ProcessEnv): Promise<ProgramLookup> {
  if (shellBuiltins.has(program)) return { found: true, where: 'a shell builtin' };
  if (program.includes('/')) {
    const path = isAbsolute(program) ? program : resolve(workspace, program);
    if (!isAbsolute(program)) {
      const inside = relative(workspace, path);
      if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return { found: false, missing: false, detail: `${program} leaves the workspace` };
    }
    const state = await executable(path);
    if (state === 'yes') return { found: true, where: isAbsolute(program) ? path : program };
    return { found: false, missing: state === 'absent', detail: state === 'absent' ? `${program} not found${isAbsolute(program) ? '' : ' in the workspace'}` : `${program} is not an executable file` };
  }
  for (const folder of (env['PATH'] ?? '').split(delimiter)) {
    if (folder === '') continue;
    const path = join(folder, program);
    if ((await executable(path)) === 'yes') return { found: true, where: path };
  }
  return { found: false, missing: true, detail: `${program} not found on PATH` };
}

async function executable(path: string): Promise<'yes' | 'no' | 'absent'> {
  try {
    if (!(await stat(path)).isFile()) return 'no';
  } catch {
    return 'absent';
  }
  try {
    await access(path, constants.X_OK);
    return 'yes';
  } catch {
    return 'no';
  }
}

/** A command as a person reads it in a message. */
export function showCommand(command: string | readonly string[]): string {
  return typeof command === 'string' ? command : command.map((word) => (/[\s"'$]/.test(word) ? JSON.stringify(word) : word)).join(' ');
}
