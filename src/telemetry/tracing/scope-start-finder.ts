import { milestoneStream, sprintStream } from '../../domain/events/index.js';
import type { EventStore } from '../../store/index.js';
import type { SpanScope } from './event-spans.js';

/** A sprint's stream opens with its SprintPlanned, a milestone's with its plan then MilestoneStarted: a few events suffice. */
const eventsRead = 10;

/**
 * `EventSpans`' `findStart` over a log: when a sprint was first planned, or a milestone started,
 * read from the head of its stream (for spans of scopes that started before this process ran).
 */
export function scopeStartFinder(store: EventStore): (scope: SpanScope, id: string) => Promise<string | undefined> {
  return async (scope, id) => {
    const [streamId, type] = scope === 'sprint' ? [sprintStream(id), 'SprintPlanned'] : [milestoneStream(id), 'MilestoneStarted'];
    const events = await store.readStream(streamId, { limit: eventsRead });
    return events.find((event) => event.type === type)?.occurredAt;
  };
}
