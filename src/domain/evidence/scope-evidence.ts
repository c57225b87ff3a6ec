import type { FeatureStatus } from '../planning/feature.js';
import type { EvidenceScope } from './evidence-scope.js';
import { dictionary, emptyDictionary, isOwnedByBatch, noItems, ownedByBatch, type EveryMember } from './read-json.js';

/** A file an agent produced or marked ready (ArtifactProduced, ArtifactReady, AgentExecutionCompleted). */
export interface ProducedFile {
  path: string;
  agentId?: string | undefined;
  skillId?: string | undefined;
  executionId?: string | undefined;
  /** An ArtifactReady event was recorded for it. */
  ready: boolean;
  /** Position of the event the attribution comes from: the latest ArtifactProduced, else the latest ArtifactReady. */
  position: number;
  /** Whether that attribution comes from an ArtifactProduced-like event (`true`) or only from ArtifactReady. */
  produced: boolean;
}

/** A commit linked to the work, with the `key:value` tags of its message (`trace:trace-d8c7`, `sprint:sprint-3`). */
export interface CommitEvidence {
  /** As written, without a `git:` prefix. */
  sha: string;
  message?: string;
  tags: string[];
}

/** One failing test of a run. */
export interface TestFailure {
  name: string;
  message?: string;
}

/** How a test run ended. */
export const TestOutcome = { Passed: 'passed', Failed: 'failed', Empty: 'empty' } as const;
export type TestOutcome = (typeof TestOutcome)[keyof typeof TestOutcome];

/** The latest TestRunCompleted (or TestsPassed) of one suite. */
export interface TestRunEvidence {
  /** `suite` or `name` from the event; `""` for a run that names none. */
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
  /** The failing tests named by the event (at most 20 kept; `failed` is the true count). */
  failures: TestFailure[];
  /**
   * `failed` when a test failed (or the status says so), `passed` when tests passed (or only a
   * passing status was given), `empty` when the run executed nothing.
   */
  outcome: TestOutcome;
  position: number;
}

/** The latest coverage reported. */
export interface CoverageEvidence {
  /** 0–100. */
  percent: number;
  position: number;
}

/** The work evidence of one feature, or of the scope for events that name no feature. */
export interface WorkEvidence {
  /** Sorted by path. */
  files: ProducedFile[];
  /** Sorted by sha. */
  commits: CommitEvidence[];
  /** Test files generated (TestCasesGenerated), sorted. */
  testFiles: string[];
  /** The latest run of each suite, sorted by suite. */
  testRuns: TestRunEvidence[];
  coverage?: CoverageEvidence | undefined;
  /** Container images built, sorted. */
  imageIds: string[];
}

/** Evidence of one feature: its work and its backlog status. */
export interface FeatureEvidence extends WorkEvidence {
  featureId: string;
  /** The latest status (FeatureStatusChanged, FeatureDeferred), when one was recorded. */
  status?: FeatureStatus | undefined;
  statusPosition?: number | undefined;
  /** Why it was deferred, when it is. */
  deferReason?: string | undefined;
}

/** A pull request (PullRequestCreated, PullRequestMerged). */
export interface PullRequestEvidence {
  id: string;
  featureId?: string;
  branch?: string;
  title?: string;
  merged: boolean;
  /** Position of the first PullRequestMerged. */
  mergedPosition?: number;
  /** Position of the event the attribution (feature, branch, title) comes from. */
  position: number;
  /** Whether a PullRequestCreated was recorded (it takes precedence for the attribution). */
  created: boolean;
  /** Commits the pull request events name (`commits`, `mergeCommit`), sorted by sha. */
  commits: CommitEvidence[];
}

/** One finding of a security audit. */
export interface SecurityIssue {
  /** Lower-cased as written; `unknown` when the audit gives none. */
  severity: string;
  message: string;
}

/** The latest SecurityAuditCompleted of one source (a sprint, or the milestone itself). */
export interface SecurityAuditEvidence {
  /** The sprint id, milestone id or feature id the audit was recorded for. */
  source: string;
  /** As written (`Compliant`, `NonCompliant`, `Review`). */
  status?: string;
  issues: SecurityIssue[];
  /** Checks that passed (the spec's `checks` list; object items with `passed: false` are left out). */
  checks: string[];
  /** Checks reported as failed (object items with `passed: false` or a failing `status`). */
  failedChecks: string[];
  jwtValidationEnabled?: boolean;
  spanTemplatesVerified?: boolean;
  /** Normalised: `pass`, `fail`, or the lower-cased word as written. */
  traceSpanPolicyCheck?: string;
  validatedBy?: string;
  position: number;
}

/** A SecurityPolicyViolation. */
export interface SecurityViolationEvidence {
  eventId: string;
  source: string;
  policy?: string;
  /** Lower-cased; `unknown` when the event gives none. */
  severity: string;
  message?: string;
  position: number;
}

/** Everything security-related recorded for the scope. */
export interface SecurityEvidence {
  /** Keyed by source. */
  audits: Record<string, SecurityAuditEvidence>;
  /** Sorted by position; the 100 latest. */
  violations: SecurityViolationEvidence[];
  /** Sources for which a SecurityPolicyPublished was recorded, sorted. */
  published: string[];
}

/** The latest resilience score of one source (ValidationPassed with `resilienceScore`). */
export interface ResilienceEvidence {
  source: string;
  score: number;
  position: number;
}

/** The latest BlueprintValidated. */
export interface BlueprintEvidence {
  valid: boolean;
  blueprintId?: string;
  position: number;
}

/** Where a sprint of the scope stands, from its lifecycle events. */
export const SprintStanding = { Planned: 'planned', Open: 'open', Closed: 'closed', Aborted: 'aborted' } as const;
export type SprintStanding = (typeof SprintStanding)[keyof typeof SprintStanding];

/** One sprint of the scope. */
export interface SprintEvidence {
  sprintId: string;
  standing: SprintStanding;
  /** The latest of SprintClosed, SprintAborted, SprintRewound: it decides the standing. */
  decidedBy?: string | undefined;
  decidedAt?: number | undefined;
  /** Any lifecycle event was seen (a sprint without one is still `planned`). */
  started: boolean;
}

/** One parallel stream of a milestone. */
export interface StreamEvidence {
  name: string;
  ready: boolean;
  /** The event that made it ready: `SprintClosed sprint-5`, `FeatureStatusChanged UserSignupFlow`. */
  readyBy?: string;
  readyAt?: number;
}

/** An evidence event that could not be used, and why. */
export interface IgnoredEvent {
  eventId: string;
  type: string;
  position: number;
  reason: string;
}

/**
 * Everything the gates of one scope look at, folded from the log by `foldEvidence`. JSON-safe
 * (records and arrays only) and compact: sets are sorted arrays, "latest" things keep one entry.
 */
export interface ScopeEvidence {
  scope: EvidenceScope;
  /** Every in-scope feature, and every other feature the scope's events name. */
  features: Record<string, FeatureEvidence>;
  /** Work recorded for the scope without a feature. */
  unattributed: WorkEvidence;
  /** Keyed by pull request id. */
  pullRequests: Record<string, PullRequestEvidence>;
  blueprint?: BlueprintEvidence;
  security: SecurityEvidence;
  /** Keyed by source. */
  resilience: Record<string, ResilienceEvidence>;
  /** Names of ValidationPassed events (`validation`, `name` or `check`), sorted. */
  validations: string[];
  /** Keyed by sprint id: the scope's sprints and any sprint its events name. */
  sprints: Record<string, SprintEvidence>;
  /** Keyed by stream name: the milestone's parallel streams. */
  streams: Record<string, StreamEvidence>;
  /** Malformed or unattributable evidence events, the 100 latest, sorted by position. */
  ignored: IgnoredEvent[];
  /** The highest position folded for this scope; 0 before any. */
  lastPosition: number;
  /** Gates a person waived for this scope (`kairos override --skip-gate`), by the name written. */
  waivers?: Record<string, GateWaiver> | undefined;
}

/** A person's waiver of one gate: it then passes, and says who waived it and why. */
export interface GateWaiver {
  by: string;
  reason: string;
  position: number;
}

/** Empty work evidence (the scope's unattributed work: a feature's without a feature id). */
export function emptyWork(): WorkEvidence {
  return emptyFeature(undefined);
}

/** The evidence of a feature before any event. */
export function emptyFeature(featureId: string): FeatureEvidence;
export function emptyFeature(featureId: string | undefined): WorkEvidence;
export function emptyFeature(featureId: string | undefined): WorkEvidence {
  // Owned by the running batch from the start: its first change is made in place.
  const work: EveryMember<Omit<FeatureEvidence, 'featureId'>> & { featureId: string | undefined } = {
    featureId,
    files: noItems(),
    commits: noItems(),
    testFiles: noItems(),
    testRuns: noItems(),
    coverage: undefined,
    imageIds: noItems(),
    status: undefined,
    statusPosition: undefined,
    deferReason: undefined,
  };
  return ownedByBatch(work as WorkEvidence);
}

/**
 * `work` (a feature's, or the unattributed work) with `changes`. A record made in the running fold
 * batch is changed in place (see `inBatch`); any other is copied as one object literal naming every
 * member, absent ones `undefined`: all work records then share one V8 map, where spreads of records
 * with different optional members would make every read of them megamorphic.
 */
export function changeWork<T extends WorkEvidence>(work: T, changes: Partial<FeatureEvidence>): T {
  // A record this fold batch made is nobody else's yet: changed in place (see `inBatch`).
  if (isOwnedByBatch(work)) return Object.assign(work, changes);
  const base = work as WorkEvidence & Partial<FeatureEvidence>;
  const copy: EveryMember<Omit<FeatureEvidence, 'featureId'>> & { featureId: string | undefined } = {
    featureId: base.featureId,
    files: base.files,
    commits: base.commits,
    testFiles: base.testFiles,
    testRuns: base.testRuns,
    coverage: base.coverage,
    imageIds: base.imageIds,
    status: base.status,
    statusPosition: base.statusPosition,
    deferReason: base.deferReason,
  };
  return ownedByBatch(Object.assign(copy, changes) as unknown as T);
}

/** A sprint of the scope before any of its lifecycle events. */
export function unstartedSprint(sprintId: string): SprintEvidence {
  const sprint: EveryMember<SprintEvidence> = { sprintId, standing: SprintStanding.Planned, decidedBy: undefined, decidedAt: undefined, started: false };
  return ownedByBatch(sprint);
}

/** `sprint` with `changes`: in place when the running batch made it, else copied as one literal naming every member (see `changeWork`). */
export function sprintStanding(sprint: SprintEvidence, changes: Partial<SprintEvidence>): SprintEvidence {
  if (isOwnedByBatch(sprint)) return Object.assign(sprint, changes);
  const copy: EveryMember<SprintEvidence> = { sprintId: sprint.sprintId, standing: sprint.standing, decidedBy: sprint.decidedBy, decidedAt: sprint.decidedAt, started: sprint.started };
  return ownedByBatch(Object.assign(copy, changes));
}

/** The evidence of a scope before any event: its features, sprints and streams, with nothing recorded. */
export function emptyEvidence(scope: EvidenceScope): ScopeEvidence {
  // Plain sets: a dictionary has no prototype, so even `__proto__` becomes an own member.
  const features = dictionary<FeatureEvidence>();
  for (const featureId of scope.features) features[featureId] = emptyFeature(featureId);
  const sprints = dictionary<SprintEvidence>();
  for (const sprintId of scope.sprints) sprints[sprintId] = unstartedSprint(sprintId);
  let streams = emptyDictionary<StreamEvidence>();
  if (scope.parallelStreams.length > 0) {
    const named = dictionary<StreamEvidence>();
    for (const name of scope.parallelStreams) named[name] = { name, ready: false };
    streams = named;
  }
  // Owned by the running batch from the start: its first change is made in place.
  return ownedByBatch({
    scope: {
      kind: scope.kind,
      id: scope.id,
      features: [...scope.features],
      sprints: [...scope.sprints],
      parallelStreams: [...scope.parallelStreams],
      allowsDeferred: scope.allowsDeferred,
    },
    features,
    unattributed: emptyWork(),
    pullRequests: emptyDictionary(),
    security: { audits: emptyDictionary(), violations: noItems(), published: noItems() },
    resilience: emptyDictionary(),
    validations: noItems(),
    sprints,
    streams,
    ignored: noItems(),
    lastPosition: 0,
    waivers: undefined,
  });
}
