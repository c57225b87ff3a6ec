import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../events/envelope.js';
import type { PipelineDefinition } from './pipeline-definition.js';
import { pipelineRunsFor, triggeringTypes } from './pipeline-run.js';
import { pipelineStatuses } from './pipeline-status.js';

const webhook = { kind: 'webhook', url: 'http://ci.local/hook', headers: {} } as const;
const pipelines: PipelineDefinition[] = [
  { name: 'release', on: ['MilestoneCompleted'], target: webhook, retries: 0, backoffMs: 0, timeoutMs: 1000 },
  { name: 'deploy-to-staging', on: [], target: { kind: 'command', command: 'true' }, retries: 0, backoffMs: 0, timeoutMs: 1000 },
];

function event(type: string, eventId: string, extra: Partial<StoredEvent> = {}): StoredEvent {
  return { eventId, type, position: 7, streamId: 'milestone-mvp', traceId: 't', correlationId: 'c', data: {}, occurredAt: '2026-01-01T00:00:00.000Z', ...extra } as StoredEvent;
}

describe('pipelineRunsFor', () => {
  it('runs the pipelines whose on lists the event, with a key derived from the event id', () => {
    expect(pipelineRunsFor(event('MilestoneCompleted', 'e1', { milestoneId: 'mvp' }), pipelines)).toEqual([
      { pipeline: 'release', idempotencyKey: 'pipeline:release<e1', trigger: { eventId: 'e1', type: 'MilestoneCompleted', position: 7, streamId: 'milestone-mvp' }, traceId: 't', correlationId: 'c', milestoneId: 'mvp' },
    ]);
  });

  it('runs the pipeline a milestone trigger names as next', () => {
    const fired = event('TriggerFired', 'e2', { data: { milestoneId: 'mvp', next: 'deploy-to-staging' } });
    expect(pipelineRunsFor(fired, pipelines).map((run) => [run.pipeline, run.milestoneId])).toEqual([['deploy-to-staging', 'mvp']]);
    expect(pipelineRunsFor(event('TriggerFired', 'e3', { data: { next: 'planNextSprint' } }), pipelines)).toEqual([]);
  });

  it('looks only at the event types that can run a pipeline', () => {
    expect([...triggeringTypes(pipelines)].sort()).toEqual(['MilestoneCompleted', 'TriggerFired']);
    expect([...triggeringTypes([])]).toEqual([]);
  });
});

describe('pipelineStatuses', () => {
  it('derives each run\'s status and CI runtime from its events', () => {
    const key = 'pipeline:release<e1';
    const runs = pipelineStatuses([
      event('PipelineStarted', 's', { milestoneId: 'mvp', data: { pipeline: 'release', idempotencyKey: key, trigger: { eventId: 'e1', type: 'MilestoneCompleted' } } }),
      event('ReleaseTriggered', 't', { durationMs: 1234, occurredAt: '2026-01-01T00:00:01.234Z', data: { idempotencyKey: key, attempts: 2 } }),
      event('PipelineStarted', 's2', { data: { pipeline: 'release', idempotencyKey: 'k2', trigger: { eventId: 'e9', type: 'MilestoneCompleted' } } }),
    ]);
    expect(runs).toEqual([
      { pipeline: 'release', idempotencyKey: key, triggerType: 'MilestoneCompleted', triggerEventId: 'e1', milestoneId: 'mvp', status: 'triggered', startedAt: '2026-01-01T00:00:00.000Z', endedAt: '2026-01-01T00:00:01.234Z', durationMs: 1234, attempts: 2 },
      { pipeline: 'release', idempotencyKey: 'k2', triggerType: 'MilestoneCompleted', triggerEventId: 'e9', status: 'running', startedAt: '2026-01-01T00:00:00.000Z' },
    ]);
  });
});
