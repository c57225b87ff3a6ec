import type { EventScope, StoredEvent } from '../events/envelope.js';
import { StreamPrefix } from '../events/stream-id.js';
import { isInScopeFeature, isInScopeSprint, type EvidenceScope } from './evidence-scope.js';
import { readString, type EveryMember, type JsonRecord } from './read-json.js';

/**
 * What the fold reads of an event: a stored event fits, and so does anything shaped like one
 * (`kairos emit` input, test data). Scope members are read from the envelope first.
 */
export type EvidenceEvent = Pick<StoredEvent, 'eventId' | 'position' | 'data'> &
  EventScope & {
    type: string;
    streamId?: string;
  };

/**
 * The scope members that route an event (to a sprint, a milestone, a feature), from its envelope,
 * else its `data`, else its stream name. Attribution members (agent, skill, execution, module) are
 * read where a fold step needs them: see `attributionOf`.
 */
export interface EventAnchors {
  sprintId?: string | undefined;
  milestoneId?: string | undefined;
  featureId?: string | undefined;
}

/** The members `attributionOf` reads. */
export type AttributionKey = 'agentId' | 'skillId' | 'executionId' | 'moduleId';

/** An event the fold works on: its data known to be an object, its anchors resolved. */
export interface ResolvedEvent {
  /** The event as given, for members read on demand (`attributionOf`). */
  envelope: JsonRecord;
  eventId: string;
  type: string;
  position: number;
  data: JsonRecord;
  anchors: Readonly<EventAnchors>;
  /** The envelope's `reason`. */
  reason?: string | undefined;
}

/** The last event read, its data and its anchors: one event is read by the orchestrator and by each scope that folds it. */
let lastEvent: EvidenceEvent | undefined;
let lastData: JsonRecord | undefined;
let lastAnchors: Readonly<EventAnchors> | undefined;

/** Reads the anchors of `event` (envelope, then `data`, then stream name). Events are never changed, so the last answer is reused. */
export function readAnchors(event: EvidenceEvent, data: JsonRecord): Readonly<EventAnchors> {
  if (lastAnchors !== undefined && lastEvent === event && lastData === data) return lastAnchors;
  const anchors = readFreshAnchors(event, data);
  lastEvent = event;
  lastData = data;
  lastAnchors = anchors;
  return anchors;
}

function readFreshAnchors(event: EvidenceEvent, data: JsonRecord): EventAnchors {
  const envelope = event as unknown as JsonRecord;
  let sprintId = memberOf(envelope, data, 'sprintId');
  let milestoneId = memberOf(envelope, data, 'milestoneId') ?? readString(data['milestone']);
  let featureId = memberOf(envelope, data, 'featureId');
  if (sprintId === undefined || milestoneId === undefined || featureId === undefined) {
    const stream = readString(envelope['streamId']);
    sprintId ??= fromStream(stream, StreamPrefix.Sprint);
    milestoneId ??= fromStream(stream, StreamPrefix.Milestone);
    featureId ??= fromStream(stream, StreamPrefix.Feature);
  }
  // Every member named, absent ones undefined: all anchors share one V8 map.
  const anchors: EveryMember<EventAnchors> = { sprintId, milestoneId, featureId };
  return anchors;
}

/** An attribution member of the event: from its envelope, else from its `data`. */
export function attributionOf(event: ResolvedEvent, key: AttributionKey): string | undefined {
  return memberOf(event.envelope, event.data, key);
}

/** A scope member from the envelope, else from `data` (plain reads: nothing inherited is a string). */
function memberOf(envelope: JsonRecord, data: JsonRecord, key: string): string | undefined {
  return readString(envelope[key]) ?? readString(data[key]);
}

/** The id a stream name carries after `prefix` (`sprint-3` from `sprint-sprint-3`). */
function fromStream(stream: string | undefined, prefix: string): string | undefined {
  return stream !== undefined && stream.startsWith(prefix) && stream.length > prefix.length ? stream.slice(prefix.length) : undefined;
}

/** Whether an event belongs to a scope, belongs elsewhere, or names no scope at all. */
export type Membership = 'in' | 'out' | 'unattributed';

/**
 * Does an event with these anchors belong to `scope`?
 *
 * - Sprint scope: its sprint id decides; an event naming no sprint belongs when its feature is in
 *   scope (feature streams), and not when it names only a milestone.
 * - Milestone scope: its milestone id decides; else its sprint id (one of the milestone's sprints);
 *   else its feature (in scope).
 * - An event naming no sprint, milestone or feature is `unattributed`.
 */
export function membership(scope: EvidenceScope, anchors: EventAnchors): Membership {
  const { sprintId, milestoneId, featureId } = anchors;
  if (sprintId === undefined && milestoneId === undefined && featureId === undefined) return 'unattributed';
  if (scope.kind === 'sprint') {
    if (sprintId !== undefined) return sprintId === scope.id ? 'in' : 'out';
  } else {
    if (milestoneId !== undefined) return milestoneId === scope.id ? 'in' : 'out';
    if (sprintId !== undefined) return isInScopeSprint(scope, sprintId) ? 'in' : 'out';
  }
  return featureId !== undefined && isInScopeFeature(scope, featureId) ? 'in' : 'out';
}

/** The source an event is recorded under when the latest one per source counts (audits, scores). */
export function sourceOf(anchors: EventAnchors): string {
  return anchors.sprintId ?? anchors.milestoneId ?? anchors.featureId ?? '';
}

