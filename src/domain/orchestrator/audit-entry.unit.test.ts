import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../events/envelope.js';
import { auditEntry } from './audit-entry.js';

const stored = (type: string, data: Record<string, unknown>, envelope: Partial<StoredEvent> = {}): StoredEvent =>
  ({ eventId: 'e1', streamId: 'sprint-s1', version: 1, position: 7, type, occurredAt: '2026-11-24T10:00:00.000Z', traceId: 't', correlationId: 'c', causationId: null, tenantId: 'default', projectId: 'default', prevHash: '', hash: '', sprintId: 's1', data, ...envelope }) as StoredEvent;

describe('auditEntry', () => {
  it('lists who, why and what an override or a rewind chose', () => {
    expect(auditEntry(stored('OverrideApplied', { sprintId: 's1', by: 'carol', reason: 'written by hand', featureId: 'A', status: 'completed' }, { reason: 'written by hand' }))).toEqual({
      position: 7, occurredAt: '2026-11-24T10:00:00.000Z', decision: 'OverrideApplied', subject: 's1', by: 'carol', reason: 'written by hand', what: 'feature A',
    });
    expect(auditEntry(stored('SprintRewound', { requestedBy: 'bob', reason: 'redo', to: 'Active' }))).toMatchObject({ by: 'bob', what: 'to Active' });
  });

  it('says when a decision names nobody, and leaves out events that are not decisions', () => {
    expect(auditEntry(stored('ManualApproval', {}))).toMatchObject({ by: '-', reason: '-' });
    expect(auditEntry(stored('SprintStarted', { by: 'kairos' }))).toBeUndefined();
  });
});
