import { ErrorCode, type KairosError } from '../domain/errors/index.js';

/** Exit codes of `kairos` (DESIGN.md section 9). */
export const ExitCode = {
  Ok: 0,
  /** An invalid file, a failed gate, a refused command, a broken log. */
  Finding: 1,
  /** The command itself was used wrongly. */
  Usage: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The one place an error becomes an exit code. */
export function exitCodeFor(error: KairosError): ExitCode {
  return error.code === ErrorCode.Usage ? ExitCode.Usage : ExitCode.Finding;
}
