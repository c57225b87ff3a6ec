import { ErrorCode, KairosError, type KairosErrorOptions } from '../../domain/errors/index.js';

/** A git command failed (not a repository, a broken ref, git missing): its arguments and what git said. */
export class GitError extends KairosError {
  readonly args: readonly string[];

  constructor(args: readonly string[], message: string, options: KairosErrorOptions = {}) {
    super(ErrorCode.Refused, `git ${args.join(' ')}: ${message}`, options);
    this.args = args;
  }
}
