import type { StoredEvent } from '../events/envelope.js';
import { EventType } from '../events/event-type.js';
import { isRecord } from '../evidence/read-json.js';
import type { PipelineDefinition } from './pipeline-definition.js';

/** The stream of a pipeline's runs: `pipeline-<name>`. */
export const pipelineStream = (name: string): string => `pipeline-${name}`;

/**
 * The idempotency key of the run of `pipeline` caused by event `eventId`: the webhook's CloudEvent
 * id and `Idempotency-Key`, the command's `KAIROS_IDEMPOTENCY_KEY`, and the root of the run's event ids.
 */
export const idempotencyKeyOf = (pipeline: string, eventId: string): string => `pipeline:${pipeline}<${eventId}`;

/**
 * Ids of the events recording a run: PipelineStarted before it runs (appending it twice stores it
 * once: a second decision after a crash runs nothing), then ReleaseTriggered when the pipeline took
 * the trigger, or PipelineFailed.
 */
export const pipelineEventIds = (key: string): { started: string; triggered: string; failed: string } => ({
  started: `${key}:started`,
  triggered: `${key}:triggered`,
  failed: `${key}:failed`,
});

/** A run of a pipeline an event calls for. */
export interface PipelineRun {
  pipeline: string;
  idempotencyKey: string;
  trigger: { eventId: string; type: string; position: number; streamId: string };
  traceId: string;
  correlationId: string;
  sprintId?: string;
  milestoneId?: string;
  featureId?: string;
}

/** The event shape `pipelineRunsFor` reads. */
export type TriggeringEvent = Pick<StoredEvent, 'eventId' | 'type' | 'position' | 'streamId' | 'traceId' | 'correlationId' | 'data' | 'sprintId' | 'milestoneId' | 'featureId'>;

/**
 * The pipeline runs `event` calls for: every pipeline whose `on` lists its type, and the pipeline
 * a milestone trigger names (a TriggerFired whose `next` is the pipeline's name). Pure; the key
 * derives from the event id, so the same event never calls for a second run.
 *
 * @example pipelineRunsFor(milestoneCompleted, pipelines).map((run) => run.idempotencyKey)
 */
export function pipelineRunsFor(event: TriggeringEvent, pipelines: readonly PipelineDefinition[]): PipelineRun[] {
  if (pipelines.length === 0) return [];
  const next = event.type === EventType.TriggerFired && isRecord(event.data) && typeof event.data['next'] === 'string' ? event.data['next'] : undefined;
  const runs: PipelineRun[] = [];
  for (const pipeline of pipelines) {
    if (!pipeline.on.includes(event.type) && pipeline.name !== next) continue;
    const run: PipelineRun = {
      pipeline: pipeline.name,
      idempotencyKey: idempotencyKeyOf(pipeline.name, event.eventId),
      trigger: { eventId: event.eventId, type: event.type, position: event.position, streamId: event.streamId },
      traceId: event.traceId,
      correlationId: event.correlationId,
    };
    const data = isRecord(event.data) ? event.data : {};
    const sprintId = event.sprintId ?? stringOf(data['sprintId']);
    const milestoneId = event.milestoneId ?? stringOf(data['milestoneId']);
    const featureId = event.featureId ?? stringOf(data['featureId']);
    if (sprintId !== undefined) run.sprintId = sprintId;
    if (milestoneId !== undefined) run.milestoneId = milestoneId;
    if (featureId !== undefined) run.featureId = featureId;
    runs.push(run);
  }
  return runs;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Event types that can call for a pipeline run (an `on` type, or TriggerFired); others need no look. */
export function triggeringTypes(pipelines: readonly PipelineDefinition[]): ReadonlySet<string> {
  const types = new Set<string>(pipelines.flatMap((pipeline) => pipeline.on));
  if (pipelines.length > 0) types.add(EventType.TriggerFired);
  return types;
}
