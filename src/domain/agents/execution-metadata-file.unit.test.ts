import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../events/envelope.js';
import { executionMetadataFile, formatExecutionMetadataFile, mergeExecutionRecords } from './execution-metadata-file.js';
import { executionRecord, type ExecutionMetadataRecord } from './execution-record.js';
import { executionSkill } from './execution-skill.js';

const stored = (overrides: Partial<StoredEvent>): StoredEvent => ({
  eventId: 'e', type: 'AgentExecutionCompleted', streamId: 'agent-backend', version: 1, position: 10, occurredAt: '2026-11-23T10:00:02.000Z',
  traceId: 'trace-1', correlationId: 'c', causationId: null, tenantId: 'default', projectId: 'default', data: {}, prevHash: '', hash: '', ...overrides,
});

const completed = stored({
  eventId: 'exec:s1#4:backend:completed', executionId: 'exec:s1#4:backend', sprintId: 's1', milestoneId: 'm1', moduleId: 'booking', agentId: 'backend', skillId: 'GenerateHandler',
  durationMs: 1842, data: { status: 'Success', reports: 2, artifacts: ['src/BookAppointmentHandler.cs', 'src/Other.cs'] },
});

/** A record at a log position. */
const at = (logPosition: number, executionId = `x${logPosition}`): ExecutionMetadataRecord => ({ ...executionRecord({ role: 'qa', features: [], attempt: 1 }, completed), executionId, logPosition });

describe('executionRecord', () => {
  it('given the stored AgentExecutionCompleted, then the spec\'s record with the trace anchors, calendar labels and log position', () => {
    expect(executionRecord({ role: 'backend-developer', features: ['BookingFlow'], attempt: 1 }, completed)).toEqual({
      executionId: 'exec:s1#4:backend', agentId: 'backend', skillId: 'GenerateHandler', traceId: 'trace-1', sprintId: 's1', milestoneId: 'm1', moduleId: 'booking',
      featureId: 'BookingFlow', features: ['BookingFlow'], role: 'backend-developer', status: 'Success', durationMs: 1842,
      output: 'src/BookAppointmentHandler.cs', artifacts: ['src/BookAppointmentHandler.cs', 'src/Other.cs'], attempt: 1,
      startedAt: '2026-11-23T10:00:00.158Z', endedAt: '2026-11-23T10:00:02.000Z', logPosition: 10,
    });
  });

  it('given an AgentSkillFailed after an AgentScopeViolation, then Failed with the reason, the violations and the stderr; no featureId for several features', () => {
    const failed = stored({ type: 'AgentSkillFailed', executionId: 'exec:s1#2:qa@2', sprintId: 's1', agentId: 'qa', reason: 'scope violation: x', position: 12, data: { status: 'Failed', reason: 'scope violation: x', stderr: 'boom\n' } });
    const violation = stored({ type: 'AgentScopeViolation', position: 11, data: { violations: [{ rule: 'other-sprint', detail: 'x' }, 'garbage'] } });
    const record = executionRecord({ role: 'qa', features: ['A', 'B'], attempt: 2 }, failed, violation);
    expect(record).toMatchObject({ status: 'Failed', reason: 'scope violation: x', scopeViolations: [{ rule: 'other-sprint', detail: 'x' }], stderr: 'boom\n', attempt: 2, artifacts: [], startedAt: failed.occurredAt });
    expect(record).not.toHaveProperty('featureId');
    expect(record).not.toHaveProperty('output');
    expect(Object.keys(record).slice(0, 5)).toEqual(['executionId', 'agentId', 'traceId', 'sprintId', 'features']);
  });
});

describe('executionSkill', () => {
  it('is the first skill the reports name, else the agent\'s only skill, else none', () => {
    expect(executionSkill(['A', 'B'], [{ type: 'X' }, { type: 'Y', data: { skillId: 'B' } }, { type: 'Z', skillId: 'A' }])).toBe('B');
    expect(executionSkill(['Only'], [{ type: 'X' }])).toBe('Only');
    expect(executionSkill(['A', 'B'], [])).toBeUndefined();
  });
});

describe('execution-metadata.json', () => {
  it('lives in the module\'s folder, else the milestone\'s or the sprint\'s, with ids made safe as one folder name', () => {
    expect(executionMetadataFile({ moduleId: 'booking', milestoneId: 'mvp-core', sprintId: 's1' })).toBe('metadata/booking/execution-metadata.json');
    expect(executionMetadataFile({ milestoneId: 'mvp-core', sprintId: 's1' })).toBe('metadata/_milestones/mvp-core/execution-metadata.json');
    expect(executionMetadataFile({ sprintId: 'sprint-2025-05-MVP1' })).toBe('metadata/_sprints/sprint-2025-05-MVP1/execution-metadata.json');
    expect(executionMetadataFile({ moduleId: '../../etc', sprintId: 's1' })).toBe('metadata/%2E%2E%2F%2E%2E%2Fetc/execution-metadata.json');
    expect(executionMetadataFile({ moduleId: '..', sprintId: 's1' })).toBe('metadata/%2E%2E/execution-metadata.json');
  });

  it('merges by execution (a re-run replaces its record), orders by log position and keeps the latest', () => {
    const first = mergeExecutionRecords(undefined, { moduleId: 'booking', sprintId: 's1' }, [at(5), at(3)]);
    expect(first.executions.map((record) => record.logPosition)).toEqual([3, 5]);
    expect(first.moduleId).toBe('booking');
    const again = mergeExecutionRecords(first, { moduleId: 'booking', sprintId: 's1' }, [at(3)]);
    expect(formatExecutionMetadataFile(again)).toBe(formatExecutionMetadataFile(first));
    const bounded = mergeExecutionRecords(first, { sprintId: 's1' }, [at(9), at(1), at(7)], 3);
    expect(bounded).toMatchObject({ moduleId: null, sprintId: 's1' });
    expect(mergeExecutionRecords(undefined, { milestoneId: 'm1', sprintId: 's1' }, [])).toEqual({ moduleId: null, milestoneId: 'm1', executions: [] });
    expect(bounded.executions.map((record) => record.logPosition)).toEqual([5, 7, 9]);
  });
});
