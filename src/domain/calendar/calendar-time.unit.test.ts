import { describe, expect, it } from 'vitest';
import type { EventScope, JsonObject, StoredEvent } from '../events/envelope.js';
import type { EventType } from '../events/event-type.js';
import { calendarTime } from './calendar-time.js';

/** A log in position order; each event at `minute` minutes past 10:00. */
function logOf(...items: [minute: number, type: EventType, scope?: EventScope, data?: JsonObject][]): StoredEvent[] {
  return items.map(([minute, type, scope = {}, data = {}], index) => ({
    eventId: `e${index + 1}`,
    type,
    streamId: 's',
    version: index + 1,
    position: index + 1,
    occurredAt: new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString(),
    traceId: 'trace-1',
    correlationId: 'c',
    causationId: null,
    tenantId: 'default',
    projectId: 'default',
    ...scope,
    data,
    prevHash: '',
    hash: '',
  }));
}

const min = 60_000;

describe('calendarTime', () => {
  it('given a sprint planned at 10:00 and closed at 10:30, its start is the first SprintPlanned and its duration 30 minutes', () => {
    const calendar = calendarTime(logOf(
      [0, 'SprintPlanned', { sprintId: 's1' }],
      [5, 'SprintPlanned', { sprintId: 's1' }],
      [30, 'SprintClosed', { sprintId: 's1' }],
      [31, 'SprintPlanned', { sprintId: 's2' }],
    ));
    expect(calendar.sprints).toEqual([
      expect.objectContaining({ sprintId: 's1', startedAt: '2026-01-01T10:00:00.000Z', endedAt: '2026-01-01T10:30:00.000Z', endedBy: 'SprintClosed', durationMs: 30 * min }),
      expect.objectContaining({ sprintId: 's2', startedAt: '2026-01-01T10:31:00.000Z', endedAt: null, durationMs: null }),
    ]);
  });

  it('measures milestones from MilestoneStarted to MilestoneCompleted', () => {
    const calendar = calendarTime(logOf(
      [1, 'MilestoneStarted', { milestoneId: 'm1' }],
      [2, 'MilestoneStarted', { milestoneId: 'm2' }],
      [46, 'MilestoneCompleted', { milestoneId: 'm1' }],
    ));
    expect(calendar.milestones).toEqual([
      { milestoneId: 'm1', startedAt: '2026-01-01T10:01:00.000Z', completedAt: '2026-01-01T10:46:00.000Z', durationMs: 45 * min },
      { milestoneId: 'm2', startedAt: '2026-01-01T10:02:00.000Z', completedAt: null, durationMs: null },
    ]);
  });

  it('sums agent execution time per agent and per sprint from durationMs', () => {
    const calendar = calendarTime(logOf(
      [0, 'AgentExecutionStarted', { sprintId: 's1', agentId: 'qa', executionId: 'x1' }],
      [1, 'AgentExecutionCompleted', { sprintId: 's1', agentId: 'qa', executionId: 'x1', durationMs: 1200 }],
      [1, 'AgentExecutionStarted', { sprintId: 's1', agentId: 'qa', executionId: 'x2' }],
      [2, 'AgentSkillFailed', { sprintId: 's1', agentId: 'qa', executionId: 'x2', durationMs: 300 }],
    ));
    expect(calendar.agents).toEqual([{ agentId: 'qa', executions: 2, failed: 1, totalMs: 1500, meanMs: 750, maxMs: 1200 }]);
    expect(calendar.sprints[0]).toMatchObject({ executions: 2, agentMs: 1500 });
  });

  it('finds the gaps where a sprint waited for a person, and not those where an agent was still working', () => {
    const calendar = calendarTime(logOf(
      [0, 'SprintPlanned', { sprintId: 's1' }],
      [2, 'ApprovalRequested', { sprintId: 's1' }],
      [62, 'ApprovalGranted', { sprintId: 's1' }],
      [63, 'AgentExecutionStarted', { sprintId: 's1', agentId: 'dev', executionId: 'x1' }],
      [70, 'AgentSkillFailed', { sprintId: 's1', agentId: 'dev', executionId: 'x1', durationMs: 7 * min }],
      [100, 'RetryRequested', { sprintId: 's1' }],
      [101, 'AgentExecutionStarted', { sprintId: 's1', agentId: 'dev', executionId: 'x2' }],
      // An approval while an agent runs: the sprint was not waiting for it.
      [120, 'ApprovalGranted', { sprintId: 's1' }],
    ));
    const [sprint] = calendar.sprints;
    expect(sprint?.idle).toEqual([
      { from: '2026-01-01T10:02:00.000Z', to: '2026-01-01T11:02:00.000Z', durationMs: 60 * min, waitingSince: 'ApprovalRequested', endedBy: 'ApprovalGranted' },
      { from: '2026-01-01T11:10:00.000Z', to: '2026-01-01T11:40:00.000Z', durationMs: 30 * min, waitingSince: 'AgentSkillFailed', endedBy: 'RetryRequested' },
    ]);
    expect(sprint?.idleMs).toBe(90 * min);
  });

  it('takes CI/CD runtime from ReleaseTriggered: its durationMs, its data, or until the milestone is tagged', () => {
    const calendar = calendarTime(logOf(
      [0, 'ReleaseTriggered', { milestoneId: 'm1', durationMs: 4200 }],
      [1, 'ReleaseTriggered', { milestoneId: 'm2' }, { startedAt: '2026-01-01T10:01:00.000Z', finishedAt: '2026-01-01T10:04:00.000Z' }],
      [2, 'ReleaseTriggered', { milestoneId: 'm3' }],
      [12, 'VersionTagged', { milestoneId: 'm3' }],
      [13, 'ReleaseTriggered', { milestoneId: 'm4' }],
    ));
    expect(calendar.releases.map(({ milestoneId, durationMs, measuredBy }) => ({ milestoneId, durationMs, measuredBy }))).toEqual([
      { milestoneId: 'm1', durationMs: 4200, measuredBy: 'durationMs' },
      { milestoneId: 'm2', durationMs: 3 * min, measuredBy: 'data' },
      { milestoneId: 'm3', durationMs: 10 * min, measuredBy: 'VersionTagged' },
      { milestoneId: 'm4', durationMs: null, measuredBy: null },
    ]);
  });

  it('leaves a duration null when a label is not a date', () => {
    const [planned, closed] = logOf([0, 'SprintPlanned', { sprintId: 's1' }], [1, 'SprintClosed', { sprintId: 's1' }]);
    const calendar = calendarTime([{ ...(planned as StoredEvent), occurredAt: 'yesterday' }, closed as StoredEvent]);
    expect(calendar.sprints[0]?.durationMs).toBeNull();
  });
});
