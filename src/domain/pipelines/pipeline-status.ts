import type { StoredEvent } from '../events/envelope.js';
import { EventType } from '../events/event-type.js';
import { isRecord } from '../evidence/read-json.js';

/** Where a pipeline run stands. */
export const PipelineRunStatus = { Running: 'running', Triggered: 'triggered', Failed: 'failed' } as const;
export type PipelineRunStatus = (typeof PipelineRunStatus)[keyof typeof PipelineRunStatus];

/** One run as the log tells it, with its CI runtime. */
export interface PipelineRunStatusEntry {
  pipeline: string;
  idempotencyKey: string;
  triggerType: string;
  triggerEventId: string;
  sprintId?: string;
  milestoneId?: string;
  status: PipelineRunStatus;
  startedAt: string;
  endedAt?: string;
  /** The run's own measure (all attempts and waits), from ReleaseTriggered or PipelineFailed. */
  durationMs?: number;
  attempts?: number;
  reason?: string;
}

/**
 * The CI/CD runs of the log (PipelineStarted, then ReleaseTriggered or PipelineFailed), in the
 * order they started: the spec's "CI/CD runtime, derived from ReleaseTriggered events".
 */
export function pipelineStatuses(events: Iterable<Pick<StoredEvent, 'type' | 'data' | 'occurredAt' | 'durationMs' | 'reason' | 'sprintId' | 'milestoneId'>>): PipelineRunStatusEntry[] {
  const runs = new Map<string, PipelineRunStatusEntry>();
  for (const event of events) {
    if (event.type !== EventType.PipelineStarted && event.type !== EventType.ReleaseTriggered && event.type !== EventType.PipelineFailed) continue;
    const data = isRecord(event.data) ? event.data : {};
    const key = typeof data['idempotencyKey'] === 'string' ? data['idempotencyKey'] : undefined;
    if (key === undefined) continue;
    if (event.type === EventType.PipelineStarted) {
      const trigger = isRecord(data['trigger']) ? data['trigger'] : {};
      const entry: PipelineRunStatusEntry = {
        pipeline: String(data['pipeline'] ?? ''),
        idempotencyKey: key,
        triggerType: String(trigger['type'] ?? ''),
        triggerEventId: String(trigger['eventId'] ?? ''),
        status: PipelineRunStatus.Running,
        startedAt: event.occurredAt,
      };
      if (event.sprintId !== undefined) entry.sprintId = event.sprintId;
      if (event.milestoneId !== undefined) entry.milestoneId = event.milestoneId;
      runs.set(key, entry);
      continue;
    }
    const entry = runs.get(key);
    if (entry === undefined) continue;
    entry.status = event.type === EventType.ReleaseTriggered ? PipelineRunStatus.Triggered : PipelineRunStatus.Failed;
    entry.endedAt = event.occurredAt;
    if (event.durationMs !== undefined) entry.durationMs = event.durationMs;
    if (typeof data['attempts'] === 'number') entry.attempts = data['attempts'];
    if (event.reason !== undefined) entry.reason = event.reason;
  }
  return [...runs.values()];
}
