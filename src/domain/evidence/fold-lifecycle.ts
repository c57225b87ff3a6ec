import { FeatureStatus } from '../planning/feature.js';
import { attributionOf, type ResolvedEvent } from './evidence-event.js';
import { type FoldStep, prefer } from './fold-step.js';
import { normalizeFeatureStatus } from './normalize-word.js';
import { emptyDictionary, firstString, own, readStrings, withEntry, withMembers } from './read-json.js';
import { changeWork, unstartedSprint, sprintStanding, SprintStanding, type FeatureEvidence, type ScopeEvidence, type SprintEvidence, type StreamEvidence } from './scope-evidence.js';
import { featureEvidence, withFeature } from './update-work.js';

/** The sprint events that decide whether a sprint is closed, and what they make of it. */
const decisive: Readonly<Record<string, SprintStanding>> = {
  SprintClosed: SprintStanding.Closed,
  SprintAborted: SprintStanding.Aborted,
  SprintRewound: SprintStanding.Open,
};

/** The sprint lifecycle events a sprint record follows. */
export const sprintLifecycleTypes = [
  'SprintPlanned',
  'SprintScopeApproved',
  'SprintTestPlanReady',
  'SprintInfraReady',
  'SprintReadyToStart',
  'SprintStarted',
  'SprintCheckpoint',
  'SprintOutputsReady',
  'SprintPaused',
  'SprintResumed',
  'SprintRewound',
  'SprintAborted',
  'SprintClosed',
  'RetryPhaseEntered',
  'PatchEmitted',
] as const;

/**
 * Sprint lifecycle events: the latest of SprintClosed, SprintAborted and SprintRewound decides the
 * standing; any lifecycle event after SprintPlanned opens the sprint. SprintClosed also makes the
 * milestone streams it names ready.
 */
export const foldSprintLifecycle: FoldStep = (evidence, event) => {
  const sprintId = event.anchors.sprintId;
  if (sprintId === undefined) return `${event.type} names no sprint (sprintId)`;
  const existing: SprintEvidence = own(evidence.sprints, sprintId) ?? unstartedSprint(sprintId);
  const decided = Object.hasOwn(decisive, event.type);
  const sprint = advanceStanding(existing, event.type !== 'SprintPlanned', decided ? event.type : undefined, event.position);
  let next: ScopeEvidence = sprint === existing && Object.hasOwn(evidence.sprints, sprintId) ? evidence : withMembers(evidence, { sprints: withEntry(evidence.sprints, sprintId, sprint) });
  if (event.type === 'SprintClosed') {
    const names = [...readStrings(event.data['stream']), ...readStrings(event.data['streams']), sprintId];
    const moduleId = attributionOf(event, 'moduleId');
    if (moduleId !== undefined) names.push(moduleId);
    next = markStreamsReady(next, names, `SprintClosed ${sprintId}`, event.position);
  }
  return next;
};

/**
 * A sprint's standing once a lifecycle event is counted: `opens` for any event after SprintPlanned;
 * `decidedBy` (SprintClosed, SprintAborted, SprintRewound) at `at` decides the standing when it is
 * the latest such event. Also how two standings of one sprint merge (see `mergeEvidence`).
 */
export function advanceStanding(sprint: SprintEvidence, opens: boolean, decidedBy: string | undefined, at: number | undefined): SprintEvidence {
  let next = sprint;
  if (opens && !next.started) {
    next = sprintStanding(next, { started: true, standing: next.decidedBy === undefined ? SprintStanding.Open : next.standing });
  }
  const decided = decidedBy === undefined ? undefined : own(decisive, decidedBy);
  if (decided !== undefined && at !== undefined) {
    const current = { by: next.decidedBy ?? '', at: next.decidedAt ?? -1 };
    const incoming = { by: decidedBy as string, at };
    if (prefer(current, incoming, (item) => [item.at]) === incoming) {
      next = sprintStanding(next, { standing: decided, decidedBy, decidedAt: at });
    }
  }
  return next;
}

/**
 * FeatureDeferred and FeatureStatusChanged: the latest status of a feature. A completed feature
 * whose id is a milestone stream makes the stream ready.
 */
export const foldFeatureStatus: FoldStep = (evidence, event) => {
  const featureId = event.anchors.featureId;
  if (featureId === undefined) return `${event.type} names no feature (featureId)`;
  const read = readStatusChange(event);
  if (typeof read === 'string') return read;
  const { status, reason } = read;
  const feature = featureEvidence(evidence, featureId);
  let next = evidence;
  if (isLatestStatus(feature, status, event.position, reason)) {
    next = withFeature(evidence, changeWork(feature, { status, statusPosition: event.position, deferReason: reason }));
  }
  if (status === FeatureStatus.Completed) next = markStreamsReady(next, [featureId], `FeatureStatusChanged ${featureId}`, event.position);
  return next;
};

/** Does a status recorded at `at` replace the feature's? The latest does; of two at one position, a fixed choice. */
export function isLatestStatus(feature: FeatureEvidence, status: FeatureStatus, at: number, reason: string | undefined): boolean {
  const current = { status: feature.status ?? '', at: feature.statusPosition ?? -1, reason: feature.deferReason ?? '' };
  const incoming = { status, at, reason: reason ?? '' };
  return prefer(current, incoming, (item) => [item.at]) === incoming;
}

function readStatusChange(event: ResolvedEvent): { status: FeatureStatus; reason: string | undefined } | string {
  const status = readStatus(event);
  if (status === undefined) {
    return `${event.type} status ${JSON.stringify(event.data['status'] ?? null)} is not one of planned, inProgress, completed, deferred`;
  }
  return { status, reason: status === FeatureStatus.Deferred ? (firstString(event.data, ['reason']) ?? event.reason) : undefined };
}

function readStatus(event: ResolvedEvent): FeatureStatus | undefined {
  if (event.type === 'FeatureDeferred') return FeatureStatus.Deferred;
  const text = firstString(event.data, ['status', 'to', 'newStatus']);
  return text === undefined ? undefined : normalizeFeatureStatus(text);
}

/** Marks the named streams of the scope ready; the earliest event that made one ready is kept. */
function markStreamsReady(evidence: ScopeEvidence, names: readonly string[], by: string, position: number): ScopeEvidence {
  // A sprint's scope, and most milestones', have no streams: nothing to mark.
  if (evidence.streams === emptyDictionary()) return evidence;
  let streams = evidence.streams;
  for (const name of new Set(names)) {
    const stream = own(streams, name);
    if (stream === undefined) continue;
    const incoming: StreamEvidence = { name, ready: true, readyBy: by, readyAt: position };
    if (stream.ready && prefer(stream, incoming, (item) => [-(item.readyAt ?? 0)]) === stream) continue;
    streams = withEntry(streams, name, incoming);
  }
  return streams === evidence.streams ? evidence : withMembers(evidence, { streams });
}
