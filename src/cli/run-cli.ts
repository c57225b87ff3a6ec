import { CommanderError } from 'commander';
import { ValidationError, toKairosError } from '../domain/errors/index.js';
import { ExitCode, exitCodeFor } from './exit-code.js';
import { formatDiagnostic } from './format/format-diagnostic.js';
import { createProgram } from './program.js';

/**
 * Runs `kairos` with `argv` and returns the exit code. The one place where errors meet the user:
 * usage mistakes exit 2, findings and refusals exit 1, each with a one-line message per problem.
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.Ok;
  } catch (thrown) {
    if (thrown instanceof CommanderError) {
      // Commander has already printed its message (or the help / version asked for).
      return thrown.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    const error = toKairosError(thrown);
    if (error instanceof ValidationError) {
      for (const diagnostic of error.diagnostics) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
    } else {
      process.stderr.write(`kairos: error: ${error.message}\n`);
    }
    if (process.env.KAIROS_DEBUG === '1' && error.cause !== undefined) console.error(error.cause);
    return exitCodeFor(error);
  }
}
