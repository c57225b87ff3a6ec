import { spawn } from 'node:child_process';

/** How a pipeline command ended. */
export type CommandOutcome = { ok: true; exitCode: 0; output: string } | { ok: false; reason: string; exitCode?: number; output: string };

/** The end of a command's output kept (stdout and stderr together; characters). */
const outputKept = 2000;

/**
 * Runs a pipeline command in `cwd` (a string through the shell, an argument vector without one),
 * with `env` added to the environment and `input` on stdin. Exit 0 is success; a timeout or the
 * signal kills it. Never throws.
 */
export function runPipelineCommand(command: string | readonly string[], options: { cwd: string; env: Record<string, string>; input: string; timeoutMs: number; signal?: AbortSignal }): Promise<CommandOutcome> {
  const [program, ...args] = typeof command === 'string' ? [command] : command;
  return new Promise((done) => {
    let output = '';
    let timedOut = false;
    const child = spawn(program as string, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, shell: typeof command === 'string', stdio: ['pipe', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-outputKept);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    const onAbort = (): void => {
      child.kill('SIGKILL');
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const finish = (outcome: CommandOutcome): void => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      done(outcome);
    };
    child.on('error', (error) => finish({ ok: false, reason: `could not run ${String(program)}: ${error.message}`, output }));
    child.on('close', (code, signal) => {
      if (code === 0) finish({ ok: true, exitCode: 0, output });
      else if (timedOut) finish({ ok: false, reason: `timed out after ${options.timeoutMs} ms`, output });
      else if (code === null) finish({ ok: false, reason: `killed by ${signal ?? 'a signal'}`, output });
      else finish({ ok: false, reason: `exited with code ${code}${lastLine(output)}`, exitCode: code, output });
    });
  });
}

function lastLine(output: string): string {
  const line = output.trim().split('\n').at(-1)?.trim() ?? '';
  return line === '' ? '' : `: ${line.slice(0, 200)}`;
}
