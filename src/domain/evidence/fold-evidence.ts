import { readAnchors, membership, type EventAnchors, type EvidenceEvent, type ResolvedEvent } from './evidence-event.js';
import { foldArtifact } from './fold-artifacts.js';
import { foldFeatureStatus, foldSprintLifecycle, sprintLifecycleTypes } from './fold-lifecycle.js';
import { foldPullRequest } from './fold-pull-requests.js';
import { foldSecurityAudit, foldSecurityPublished, foldSecurityViolation } from './fold-security.js';
import { positionKey, prefer, type FoldStep } from './fold-step.js';
import { foldCoverage, foldTestCases, foldTestRun } from './fold-tests.js';
import { foldBlueprint, foldValidation } from './fold-validations.js';
import { foldGateWaiver } from './fold-waivers.js';
import { firstString, inBatch, isRecord, withMember, withMembers, type JsonRecord } from './read-json.js';
import type { EvidenceScope } from './evidence-scope.js';
import { emptyEvidence, type IgnoredEvent, type ScopeEvidence } from './scope-evidence.js';
import { upsertSorted } from './sorted-set.js';

const maxIgnoredKept = 100;

/** How each evidence-carrying event type is folded. */
const steps: ReadonlyMap<string, FoldStep> = new Map(Object.entries({
  ArtifactProduced: foldArtifact,
  ArtifactReady: foldArtifact,
  AgentExecutionCompleted: foldArtifact,
  PullRequestCreated: foldPullRequest,
  PullRequestMerged: foldPullRequest,
  TestCasesGenerated: foldTestCases,
  TestRunCompleted: foldTestRun,
  TestsPassed: foldTestRun,
  CoverageReported: foldCoverage,
  ValidationPassed: foldValidation,
  BlueprintValidated: foldBlueprint,
  SecurityAuditCompleted: foldSecurityAudit,
  SecurityPolicyViolation: foldSecurityViolation,
  SecurityPolicyPublished: foldSecurityPublished,
  FeatureDeferred: foldFeatureStatus,
  FeatureStatusChanged: foldFeatureStatus,
  OverrideApplied: foldGateWaiver,
  ...Object.fromEntries(sprintLifecycleTypes.map((type) => [type, foldSprintLifecycle])),
} satisfies Record<string, FoldStep>));

/** The event types `foldEvidence` reads; every other type leaves evidence as it is. */
export const evidenceEventTypes: readonly string[] = [...steps.keys()].sort();

/**
 * Folds one event into the evidence of a scope. Total: never throws. An event of another scope or
 * of a type that carries no evidence returns `evidence` itself (so a caller can skip re-evaluating
 * gates); an evidence event whose payload cannot be used, or that names no sprint, milestone or
 * feature, is recorded in `ignored` with the reason.
 *
 * The result does not depend on the order events are folded in, given distinct log positions:
 * sets are kept sorted, and "latest" things (test runs, coverage, audits, scores, standings) are
 * chosen by log position, not by arrival.
 *
 * @example collectEvidence(sprintEvidenceScope(sprint), events)
 */
export function foldEvidence(evidence: ScopeEvidence, event: EvidenceEvent): ScopeEvidence {
  const type = typeof event.type === 'string' ? event.type : '';
  const step = steps.get(type);
  if (step === undefined) return evidence;
  if (!isRecord(event as unknown)) return evidence;
  const data = isRecord(event.data) ? event.data : {};
  const anchors = readAnchors(event, data);
  const where = membership(evidence.scope, anchors);
  if (where === 'out') return evidence;
  const position = Number.isSafeInteger(event.position) && event.position >= 0 ? event.position : 0;
  if (where === 'unattributed') {
    return ignore(evidence, { eventId: eventIdOf(event), type, position, reason: `${type} names no sprintId, milestoneId or featureId, so it belongs to no scope` });
  }
  if (!isRecord(event.data)) return ignore(evidence, { eventId: eventIdOf(event), type, position, reason: `${type} data is not a JSON object` });
  const resolved = resolve(event, type, position, data, anchors);
  const result = step(evidence, resolved);
  if (typeof result === 'string') return ignore(evidence, { eventId: resolved.eventId, type, position, reason: result });
  return advance(result, position);
}

/** The event as the fold steps read it. */
function resolve(event: EvidenceEvent, type: string, position: number, data: JsonRecord, anchors: Readonly<EventAnchors>): ResolvedEvent {
  const reason = firstString(event as unknown as JsonRecord, ['reason']);
  return { envelope: event as unknown as JsonRecord, eventId: eventIdOf(event), type, position, data, anchors, reason };
}

function eventIdOf(event: EvidenceEvent): string {
  return firstString(event as unknown as JsonRecord, ['eventId']) ?? '';
}

/** The evidence of `scope` folded from `events` (any order; events of other scopes are skipped). */
export function collectEvidence(scope: EvidenceScope, events: Iterable<EvidenceEvent>): ScopeEvidence {
  return inBatch(() => {
    let folded = emptyEvidence(scope);
    for (const event of events) folded = foldEvidence(folded, event);
    return folded;
  });
}

function ignore(evidence: ScopeEvidence, entry: IgnoredEvent): ScopeEvidence {
  return advance(withIgnored(evidence, entry), entry.position);
}

/** `evidence` with `entry` among the 100 latest events it could not use. */
export function withIgnored(evidence: ScopeEvidence, entry: IgnoredEvent): ScopeEvidence {
  const key = (item: IgnoredEvent): string => positionKey(item.position, item.eventId);
  const ignored = upsertSorted(evidence.ignored, entry, key, (existing, incoming) => prefer(existing, incoming, () => []));
  return ignored === evidence.ignored ? evidence : withMembers(evidence, { ignored: ignored.slice(-maxIgnoredKept) });
}

/** `evidence` with `position` as its last position, when it is later. */
export function advance(evidence: ScopeEvidence, position: number): ScopeEvidence {
  if (position <= evidence.lastPosition) return evidence;
  return withMember(evidence, 'lastPosition', position);
}
