import { CloudEvent } from 'cloudevents';
import { eventScopeKeys, type JsonObject, type StoredEvent } from '../../domain/events/index.js';

/** The `type` prefix of every Kairos event exported as a CloudEvent. */
export const cloudEventTypePrefix = 'kairos.';

/**
 * Exports a stored event as a CloudEvent 1.0 (structured mode): `id` is the eventId, `type` is
 * `kairos.<Type>`, `subject` the stream, `time` the calendar label; the envelope's trace and scope
 * fields become lower-case extension attributes (`traceid`, `sprintid`, …) as the spec requires.
 */
export function toCloudEvent(event: StoredEvent): CloudEvent<JsonObject> {
  const extensions: Record<string, string | number> = {
    traceid: event.traceId,
    correlationid: event.correlationId,
    tenantid: event.tenantId,
    projectid: event.projectId,
    position: event.position,
    streamversion: event.version,
    prevhash: event.prevHash,
    hash: event.hash,
  };
  if (event.causationId !== null) extensions.causationid = event.causationId;
  for (const key of eventScopeKeys) {
    const value = event[key];
    if (value !== undefined) extensions[key.toLowerCase()] = value;
  }
  return new CloudEvent<JsonObject>({
    specversion: '1.0',
    id: event.eventId,
    type: `${cloudEventTypePrefix}${event.type}`,
    source: `/kairos/${encodeURIComponent(event.tenantId)}/${encodeURIComponent(event.projectId)}`,
    subject: event.streamId,
    time: event.occurredAt,
    datacontenttype: 'application/json',
    data: event.data,
    ...extensions,
  });
}
