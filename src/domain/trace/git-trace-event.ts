import type { EventScope, JsonObject } from '../events/envelope.js';
import type { EventType } from '../events/event-type.js';

/**
 * An event Kairos appends for a fact it read in git (a commit, a merged branch, a tag it created).
 * Its id is derived from the commit sha or tag name, so reading the same repository again appends
 * nothing twice. The shell stamps `occurredAt`.
 */
export interface GitTraceEvent {
  streamId: string;
  event: EventScope & {
    eventId: string;
    type: EventType;
    traceId: string;
    correlationId: string;
    /** An outside cause: the repository. */
    causationId: null;
    data: JsonObject;
  };
}

/** `source` of every event read from git. */
export const gitSource = 'git';
