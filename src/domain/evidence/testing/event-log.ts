import type { JsonObject } from '../../events/envelope.js';
import type { EvidenceEvent } from '../evidence-event.js';

/** Envelope members a test event may set. */
export type TestEnvelope = Partial<Omit<EvidenceEvent, 'type' | 'data'>>;

/**
 * A tiny in-memory log for tests: `log.event(type, data, envelope)` gives events with increasing
 * positions and ids `e1`, `e2`, …, carrying `defaults` (e.g. `{ sprintId: 'sprint-3' }`).
 */
export function createEventLog(defaults: TestEnvelope = {}) {
  let position = 0;
  return {
    event(type: string, data: JsonObject = {}, envelope: TestEnvelope = {}): EvidenceEvent {
      position += 1;
      return { eventId: `e${position}`, position, ...defaults, ...envelope, type, data };
    },
  };
}
