import { HTTP, type CloudEvent } from 'cloudevents';
import type { JsonObject, StoredEvent } from '../../domain/events/index.js';
import { toCloudEvent } from './to-cloud-event.js';

/** What a pipeline run adds to the event it delivers. */
export interface PipelineDelivery {
  pipeline: string;
  idempotencyKey: string;
  /** The version tags of the event's sprint and milestone, when it has them. */
  versionTag?: string;
  milestoneVersionTag?: string;
}

/**
 * The event that triggered a pipeline, as the CloudEvent the pipeline receives: `kairos.<Type>` with
 * the event's data and extensions (see `toCloudEvent`), but `id` the run's idempotency key (one
 * event may run several pipelines; a retry or a re-run after a crash sends the same id), plus
 * `pipeline`, `idempotencykey` and the version tags as extensions.
 */
export function pipelineCloudEvent(trigger: StoredEvent, delivery: PipelineDelivery): CloudEvent<JsonObject> {
  const extensions: Record<string, string> = { pipeline: delivery.pipeline, idempotencykey: delivery.idempotencyKey };
  if (delivery.versionTag !== undefined) extensions.versiontag = delivery.versionTag;
  if (delivery.milestoneVersionTag !== undefined) extensions.milestoneversiontag = delivery.milestoneVersionTag;
  return toCloudEvent(trigger).cloneWith({ id: delivery.idempotencyKey, ...extensions }) as CloudEvent<JsonObject>;
}

/** A CloudEvent in HTTP binary mode: `ce-*` headers, the data as the body. */
export function binaryMessage(event: CloudEvent<JsonObject>): { headers: Record<string, string>; body: string } {
  const message = HTTP.binary(event);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) if (typeof value === 'string') headers[name] = value;
  return { headers, body: typeof message.body === 'string' ? message.body : JSON.stringify(message.body ?? null) };
}

/** A CloudEvent in structured mode (one JSON document), as a command pipeline reads it on stdin. */
export function structuredText(event: CloudEvent<JsonObject>): string {
  return String(HTTP.structured(event).body);
}
