import { ErrorCode, KairosError, type KairosErrorOptions } from '../domain/errors/index.js';

/**
 * An append that reuses eventIds inconsistently: some of its ids are stored and some are not, or an
 * id is stored in another stream. A retry must carry exactly the events of the call it retries, so
 * this is refused and nothing is written.
 */
export class EventIdConflictError extends KairosError {
  readonly streamId: string;
  /** The call's eventIds that are already stored. */
  readonly storedEventIds: readonly string[];

  constructor(streamId: string, storedEventIds: readonly string[], detail: string, options: KairosErrorOptions = {}) {
    super(ErrorCode.Refused, `cannot append to stream ${JSON.stringify(streamId)}: ${detail}`, options);
    this.streamId = streamId;
    this.storedEventIds = storedEventIds;
  }
}
