/** Every error code Kairos raises; the CLI and the server map these to exit codes and HTTP status. */
export const ErrorCode = {
  Validation: 'VALIDATION',
  NotFound: 'NOT_FOUND',
  IllegalTransition: 'ILLEGAL_TRANSITION',
  Concurrency: 'CONCURRENCY',
  Agent: 'AGENT',
  Store: 'STORE',
  Integrity: 'INTEGRITY',
  Usage: 'USAGE',
  Refused: 'REFUSED',
  Internal: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Options shared by every Kairos error. */
export interface KairosErrorOptions {
  cause?: unknown;
}

/** The base of every error Kairos raises on purpose. */
export class KairosError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options: KairosErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
  }
}

/** One located problem in a user's file. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  message: string;
  /** Where in the document, e.g. `milestones[0].gateConditions[2]`; empty for the whole file. */
  path: string;
}

/** Invalid input: carries every located problem found, not only the first. */
export class ValidationError extends KairosError {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[], options: KairosErrorOptions = {}) {
    const first = diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0];
    super(
      ErrorCode.Validation,
      first === undefined ? 'invalid input' : `${first.file}:${first.line}:${first.column}: ${first.message}`,
      options,
    );
    this.diagnostics = diagnostics;
  }
}

/** A thing that was asked for by id does not exist. */
export class NotFoundError extends KairosError {
  constructor(message: string, options: KairosErrorOptions = {}) {
    super(ErrorCode.NotFound, message, options);
  }
}

/** An append whose expected stream version did not match: nothing was written. */
export class ConcurrencyError extends KairosError {
  readonly streamId: string;
  readonly expectedVersion: number | string;
  readonly actualVersion: number;

  constructor(streamId: string, expectedVersion: number | string, actualVersion: number, options: KairosErrorOptions = {}) {
    super(
      ErrorCode.Concurrency,
      `stream ${streamId} is at version ${actualVersion}, expected ${String(expectedVersion)}`,
      options,
    );
    this.streamId = streamId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }
}

/** The event store cannot be used: unreadable, corrupt, or from another schema version. */
export class StoreError extends KairosError {
  constructor(message: string, options: KairosErrorOptions = {}) {
    super(ErrorCode.Store, message, options);
  }
}

/** The log's hash chain or a signed artifact does not match what was recorded. */
export class IntegrityError extends KairosError {
  constructor(message: string, options: KairosErrorOptions = {}) {
    super(ErrorCode.Integrity, message, options);
  }
}

/** A command that is well-formed but refused (missing role, wrong state). */
export class RefusedError extends KairosError {
  constructor(message: string, options: KairosErrorOptions = {}) {
    super(ErrorCode.Refused, message, options);
  }
}

/** A command used wrongly: unknown option, missing argument. */
export class UsageError extends KairosError {
  constructor(message: string, options: KairosErrorOptions = {}) {
    super(ErrorCode.Usage, message, options);
  }
}

/** Turns anything thrown into a KairosError, keeping the original as `cause`. */
export function toKairosError(thrown: unknown): KairosError {
  if (thrown instanceof KairosError) return thrown;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new KairosError(ErrorCode.Internal, message, { cause: thrown });
}
