import { createHash } from 'node:crypto';
import { canonicalJson, type ProposedEvent, type StoredEvent } from '../../domain/events/index.js';
import { declaredPlanEvents, type DeclaredPlan, type EventDraft } from '../../domain/plan/index.js';
import type { EventStore } from '../../store/index.js';
import type { Clock } from '../clock.js';

export interface RecordPlanResult {
  /** Events appended by this call. */
  appended: StoredEvent[];
  /** Milestones, features and sprints whose recorded definition was already current. */
  unchanged: number;
  traceId: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Records a workspace's declared plan in the log: one event per milestone, feature and sprint whose
 * definition differs from the last one recorded. Event ids are derived from the stream, its next
 * version and the content, so a retry after a crash appends nothing twice, and an unchanged plan
 * appends nothing at all.
 */
export async function recordPlan(store: EventStore, plan: DeclaredPlan, clock: Clock): Promise<RecordPlanResult> {
  const drafts = declaredPlanEvents(plan);
  const traceId = `trace-${sha256(canonicalJson(drafts)).slice(0, 12)}`;
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
  // The planning stream holds one StateMachineDefined line per machine id.
  const last = history.findLast((event) => event.type === draft.type && (draft.type !== 'StateMachineDefined' || event.data['machine'] === draft.data['machine']));
  return last !== undefined && canonicalJson(last.data) === canonicalJson(draft.data);
}
