import { execFile } from 'node:child_process';
import { GitError } from './git-error.js';

/** What a git process printed and how it ended. */
export interface GitOutput {
  stdout: string;
  stderr: string;
  /** 0 for success. */
  exitCode: number;
}

/** Environment of every git process: no prompt, no optional lock (agents may commit meanwhile), plain messages. */
const gitEnvironment = { GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };

/**
 * Runs `git -C <repository> <args>` (no shell) and resolves with its output and exit code; rejects
 * with a `GitError` only when git could not run at all (missing, killed, output too large).
 */
export function runGit(repository: string, args: readonly string[]): Promise<GitOutput> {
  return new Promise((resolve, reject) => {
    const settle = (error: unknown): void => reject(new GitError(args, error instanceof Error ? error.message : String(error), { cause: error }));
    try {
      run(resolve, reject);
    } catch (error) {
      settle(error);
    }
  });

  function run(resolve: (output: GitOutput) => void, reject: (error: unknown) => void): void {
    execFile(
      'git',
      ['-C', repository, ...args],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...gitEnvironment } },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ stdout, stderr, exitCode: 0 });
          return;
        }
        const code = (error as { code?: unknown }).code;
        if (typeof code === 'number') resolve({ stdout, stderr, exitCode: code });
        else reject(new GitError(args, code === 'ENOENT' ? 'git is not installed (not found on PATH)' : error.message, { cause: error }));
      },
    );
  }
}

/** Runs git and returns its stdout; a non-zero exit is a `GitError` with what git said. */
export async function gitOutput(repository: string, args: readonly string[]): Promise<string> {
  const output = await runGit(repository, args);
  if (output.exitCode !== 0) throw new GitError(args, output.stderr.trim() || `exit code ${output.exitCode}`);
  return output.stdout;
}
