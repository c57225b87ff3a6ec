import type { StoredEvent } from '../events/envelope.js';
import { EventType } from '../events/event-type.js';
import { governanceStream } from '../events/stream-id.js';
import { firstString, isRecord, type JsonRecord } from '../evidence/read-json.js';

/** One governance decision as `kairos audit` lists it. */
export interface AuditEntry {
  position: number;
  occurredAt: string;
  decision: string;
  /** The sprint or milestone it is about. */
  subject: string;
  /** Who decided, as recorded; `-` when the event names nobody. */
  by: string;
  reason: string;
  /** What it bypassed or chose, when it says (`feature ReleaseNotes`, `to Active`, `agent qa`). */
  what?: string;
}

/** The events that are governance decisions: approvals, overrides, people's controls of a sprint, resumed planning. */
const decisions: ReadonlySet<string> = new Set([
  EventType.ApprovalRequested,
  EventType.ApprovalGranted,
  EventType.ApprovalRejected,
  EventType.OverrideApplied,
  EventType.ManualApproval,
  EventType.SprintPaused,
  EventType.SprintResumed,
  EventType.SprintAborted,
  EventType.SprintRewound,
  EventType.RetryRequested,
  EventType.PlanningResumed,
]);

/** Feature events that are a person's decision when they are on the governance stream (`kairos defer`). */
const featureDecisions: ReadonlySet<string> = new Set([EventType.FeatureDeferred, EventType.FeatureStatusChanged]);

const byKeys = ['approvedBy', 'rejectedBy', 'requestedBy', 'by', 'overriddenBy', 'user'];
const reasonKeys = ['reason'];
const toKeys = ['to'];
const featureKeys = ['featureId'];
const agentKeys = ['agentId'];
const eventKeys = ['event'];

/**
 * The audit entry of an event, when it is a governance decision. Reads what the CLI records (who,
 * why, what) and what the orchestrator decides (ApprovalRequested: `kairos`).
 */
export function auditEntry(event: StoredEvent): AuditEntry | undefined {
  if (!decisions.has(event.type) && !(featureDecisions.has(event.type) && event.streamId === governanceStream)) return undefined;
  const data: JsonRecord = isRecord(event.data) ? event.data : {};
  const by = firstString(data, byKeys) ?? (event.type === EventType.ApprovalRequested ? 'kairos' : '-');
  const entry: AuditEntry = {
    position: event.position,
    occurredAt: event.occurredAt,
    decision: event.type,
    subject: event.sprintId ?? event.milestoneId ?? firstString(data, ['sprintId', 'milestoneId']) ?? event.featureId ?? (event.type === EventType.PlanningResumed ? 'planning' : '-'),
    by,
    reason: event.reason ?? firstString(data, reasonKeys) ?? '-',
  };
  const what = [
    ...withLabel('feature', firstString(data, featureKeys)),
    ...withLabel('event', firstString(data, eventKeys)),
    ...withLabel('to', firstString(data, toKeys)),
    ...withLabel('agent', firstString(data, agentKeys)),
    ...withLabel('priority', firstString(data, ['priority'])),
    ...withLabel('status', event.type === EventType.FeatureStatusChanged ? firstString(data, ['status']) : undefined),
  ];
  if (what.length > 0) entry.what = what.join(', ');
  return entry;
}

function withLabel(label: string, value: string | undefined): string[] {
  return value === undefined ? [] : [`${label} ${value}`];
}
