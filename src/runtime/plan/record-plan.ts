import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { Workspace } from '../../artifacts/index.js';
import { canonicalJson, type ProposedEvent, type StoredEvent } from '../../domain/events/index.js';
import type { StateMachineDefinition } from '../../domain/fsm/index.js';
import { declaredPlanEvents, type DeclaredPlan, type EventDraft } from '../../domain/plan/index.js';
import type { EventStore } from '../../store/index.js';
import type { Clock } from '../clock.js';

export interface RecordPlanResult {
  /** Events appended by this call. */
  appended: StoredEvent[];
  /** Definitions whose recorded version was already current. */
  unchanged: number;
  traceId: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The declared plan of a workspace: its planning files, the machines it runs, its vision's version. */
export async function declaredPlanOf(workspace: Workspace, machines: readonly StateMachineDefinition[]): Promise<DeclaredPlan> {
  // In manual-only governance people plan: the planner's proposals are not adopted.
  const proposedSprints = workspace.governance.planningMode === 'manual-only' ? [] : workspace.proposedSprints;
  const plan: DeclaredPlan = { machines, milestones: workspace.milestones, features: workspace.features, sprints: workspace.sprints, proposedSprints };
  if (workspace.vision !== undefined) {
    plan.visionVersion = { path: relative(workspace.root, workspace.vision).split('\\').join('/'), sha256: sha256(await readFile(workspace.vision, 'utf8')) };
  }
  return plan;
}

/**
 * Records a workspace's declared plan in the log: one event per milestone, feature and sprint whose
 * definition differs from the last one recorded (see `recordDrafts`).
 */
export function recordPlan(store: EventStore, plan: DeclaredPlan, clock: Clock): Promise<RecordPlanResult> {
  return recordDrafts(store, declaredPlanEvents(plan), clock);
}

/**
 * Appends the drafts not already current in their streams. Event ids are derived from the stream,
 * its next version and the content, so a retry after a crash appends nothing twice, and an
 * unchanged plan appends nothing at all. The trace is derived from the drafts.
 */
export async function recordDrafts(store: EventStore, drafts: readonly EventDraft[], clock: Clock, traceId = `trace-${sha256(canonicalJson(drafts.map(({ supersedes: _s, clears: _c, ...draft }) => draft))).slice(0, 12)}`): Promise<RecordPlanResult> {
  const occurredAt = clock.now();
  const byStream = new Map<string, EventDraft[]>();
  for (const draft of drafts) byStream.set(draft.streamId, [...(byStream.get(draft.streamId) ?? []), draft]);
  const pending: Promise<StoredEvent[]>[] = [];
  let unchanged = 0;
  for (const [streamId, streamDrafts] of byStream) {
    const history = await store.readStream(streamId, { limit: Number.MAX_SAFE_INTEGER });
    const changed = streamDrafts.filter((draft) => !isCurrent(draft, history));
    unchanged += streamDrafts.length - changed.length;
    if (changed.length === 0) continue;
    const version = history.at(-1)?.version ?? 0;
    const events = changed.map((draft, index): ProposedEvent => ({
      ...draft.scope,
      eventId: `${draft.type}-${sha256(canonicalJson([draft.streamId, version + 1 + index, draft.data])).slice(0, 32)}`,
      type: draft.type,
      occurredAt,
      traceId,
      data: draft.data,
    }));
    pending.push(store.append(streamId, events, { expectedVersion: version }).then((result) => result.events));
  }
  const appended = (await Promise.all(pending)).flat().sort((a, b) => a.position - b.position);
  return { appended, unchanged, traceId };
}

function isCurrent(draft: EventDraft, history: readonly StoredEvent[]): boolean {
  const types: readonly string[] = draft.supersedes ?? [draft.type];
  // The planning stream holds one StateMachineDefined line per machine id.
  const last = history.findLast((event) => types.includes(event.type) && (draft.type !== 'StateMachineDefined' || event.data['machine'] === draft.data['machine']));
  if (draft.clears !== undefined) return last === undefined || last.type !== draft.clears;
  return last !== undefined && last.type === draft.type && canonicalJson(last.data) === canonicalJson(draft.data);
}
