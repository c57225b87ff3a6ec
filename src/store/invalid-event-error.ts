import { ErrorCode, KairosError, type KairosErrorOptions } from '../domain/errors/index.js';

/**
 * An append refused at the store's edge because a proposed event (or the call itself) is malformed:
 * nothing was written.
 */
export class InvalidEventError extends KairosError {
  readonly streamId: string;
  /** Index of the offending event in the call; `null` when the call itself is wrong. */
  readonly index: number | null;

  constructor(streamId: string, index: number | null, problem: string, options: KairosErrorOptions = {}) {
    const where = index === null ? '' : `event ${index}: `;
    super(ErrorCode.Validation, `cannot append to stream ${JSON.stringify(streamId)}: ${where}${problem}`, options);
    this.streamId = streamId;
    this.index = index;
  }
}
