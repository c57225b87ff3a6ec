/*
 * The `data` each evidence-carrying event should have. These types document what agents and
 * `kairos emit` send; the fold reads them tolerantly (spelling variants listed per member) and
 * records an event it cannot use as `ignored`, with the reason.
 *
 * Scope members (`sprintId`, `milestoneId`, `featureId`, `agentId`, `skillId`, `executionId`) belong
 * on the envelope; when the envelope lacks one, the same member of `data` is read (the spec's
 * payloads carry them there), then the stream name (`sprint-<id>`, `milestone-<id>`, `feature-<id>`).
 */

/** Scope members an evidence payload may carry when the envelope does not. */
export interface PayloadScope {
  sprintId?: string;
  /** `milestone` is accepted too (the spec's SprintPlanned writes it). */
  milestoneId?: string;
  featureId?: string;
  agentId?: string;
  skillId?: string;
  executionId?: string;
}

/**
 * A commit: its sha (a `git:` prefix is dropped), or an object with the message whose bracketed
 * `key:value` words become tags (`Add handler [trace:trace-d8c7 sprint:sprint-3]`).
 */
export type CommitRef = string | { sha: string; message?: string; tags?: string[] };

/**
 * `ArtifactProduced`, `ArtifactReady`, and `AgentExecutionCompleted` (the spec's
 * execution-metadata.json record): files, an image and commits produced for a feature. At least
 * one file, image or commit is needed. An `AgentExecutionCompleted` whose `status` is not a success
 * produced nothing and is skipped.
 *
 * @example { "featureId": "BookingFlow", "path": "BookAppointmentHandler.cs", "commit": { "sha": "f23f123", "message": "Add BookAppointmentHandler [trace:trace-d8c7 sprint:sprint-3]" } }
 */
export interface ArtifactEventData extends PayloadScope {
  /** The file; `artifact`, `output` and `file` are read too. */
  path?: string;
  artifact?: string;
  output?: string;
  file?: string;
  /** Several files (`paths` is read too). */
  files?: string[];
  /** A container image, e.g. `booking-service:1.0.3`. */
  imageId?: string;
  commit?: CommitRef;
  commits?: CommitRef[];
  /** For AgentExecutionCompleted: `Success` (or absent) counts; anything else is not production. */
  status?: string;
}

/**
 * `PullRequestCreated`: a pull request for a feature. The id is `id`, `pullRequestId` or `number`.
 *
 * @example { "id": 42, "featureId": "BookingFlow", "branch": "feature/booking/sprint-3", "commits": ["f23f123"] }
 */
export interface PullRequestCreatedData extends PayloadScope {
  id?: string | number;
  pullRequestId?: string | number;
  number?: number;
  /** `sourceBranch` is read too. */
  branch?: string;
  title?: string;
  commits?: CommitRef[];
}

/**
 * `PullRequestMerged`: the pull request of that id is merged. `mergeCommit` (or `mergeSha`) and
 * `commits` are recorded as commits of the feature.
 *
 * @example { "id": 42, "mergeCommit": "a91d3a8" }
 */
export interface PullRequestMergedData extends PullRequestCreatedData {
  mergeCommit?: CommitRef;
  mergeSha?: string;
}

/**
 * `TestCasesGenerated`: test files written for a feature (the spec's feature → test link). A
 * `coverage` here counts as a coverage report.
 *
 * @example { "featureId": "BookingFlow", "tests": ["BookAppointment.feature", "AppointmentAggregateTests.cs"], "status": "complete", "coverage": "93%" }
 */
export interface TestCasesGeneratedData extends PayloadScope {
  /** `testFiles` and `files` are read too. */
  tests?: string[];
  testFiles?: string[];
  files?: string[];
  coverage?: number | string;
}

/** One failing test: its name (`name`, `test` or `id`) and message (`message` or `error`); or just the name. */
export type TestFailureData = string | { name?: string; test?: string; id?: string; message?: string; error?: string };

/**
 * `TestRunCompleted` (and `TestsPassed`): one run of a suite for a feature. Counts or a `status` are
 * needed. `failed` is at least the number of `failures` listed; `passed` defaults to
 * `total - failed - skipped`. Only the latest run (by log position) of each suite counts. A
 * `coverage` here counts as a coverage report.
 *
 * @example { "featureId": "BookingFlow", "suite": "BookAppointment.feature", "passed": 11, "failed": 1, "failures": [{ "name": "rejects a past date", "message": "expected 400, got 200" }] }
 */
export interface TestRunCompletedData extends PayloadScope {
  /** `name` is read too; runs without either share the suite `""`. */
  suite?: string;
  name?: string;
  passed?: number;
  failed?: number;
  skipped?: number;
  total?: number;
  failures?: TestFailureData[];
  /** When there are no counts: `passed`/`failed` (and their spellings: `pass`, `success`, `failure`…). */
  status?: string;
  coverage?: number | string;
}

/**
 * `CoverageReported`: coverage in percent, 0–100, as a number or as the spec writes it (`"94%"`);
 * `coverage`, `percent` or `lineCoverage`. Several features at once as `features: [{ id | featureId,
 * coverage }]` (the trace matrix's rows). Only the latest report (by log position) of a feature counts.
 *
 * @example { "featureId": "BookingFlow", "coverage": "94%" }
 */
export interface CoverageReportedData extends PayloadScope {
  coverage?: number | string;
  percent?: number | string;
  lineCoverage?: number | string;
  features?: { id?: string; featureId?: string; coverage?: number | string }[];
}

/**
 * `ValidationPassed`: a named validation passed. The resilience score of the chaos/QA run is carried
 * here as `resilienceScore` (0–100, number or `"87%"`); the latest score of each source (sprint or
 * milestone) counts.
 *
 * @example { "validation": "chaos", "resilienceScore": 87 }
 */
export interface ValidationPassedData extends PayloadScope {
  /** `name` and `check` are read too. */
  validation?: string;
  name?: string;
  check?: string;
  resilienceScore?: number | string;
}

/**
 * `BlueprintValidated`: the blueprint of the scope was validated. `valid: false` records a failed
 * validation; the latest event decides.
 *
 * @example { "blueprintId": "booking-service", "version": "1.2.0" }
 */
export interface BlueprintValidatedData extends PayloadScope {
  blueprintId?: string;
  version?: string;
  valid?: boolean;
}

/** A finding: an object with `severity` (`critical`, `high`, …; also `level`) and a message (`message`, `title`, `description`, `id`, `rule`), or a plain string (severity unknown). */
export type SecurityIssueData = string | { severity?: string; level?: string; message?: string; title?: string; description?: string; id?: string; rule?: string };

/** A check: its name, or an object `{ name | check | id, passed?, status? }`. */
export type SecurityCheckData = string | { name?: string; check?: string; id?: string; passed?: boolean; status?: string };

/**
 * `SecurityAuditCompleted`: the spec's security-audit.json, plus the per-sprint signals of the
 * security section. The latest audit of each source (sprint or milestone) counts.
 *
 * - JWT validation is confirmed by `jwtValidationEnabled: true` or a passed check named
 *   `JwtValidation…` or `TokenValidationMiddlewareConfigured`.
 * - Span templates are confirmed by `spanTemplatesVerified: true`, `securitySpanTemplateInjected:
 *   true` (or a non-empty list of templates), or a passed check `SpanTemplatesVerified`.
 * - The trace span policy check is `traceSpanPolicyCheck` (`pass`/`fail`, or a boolean), else a check
 *   named `TraceSpanPolicyCheck` or `TraceSpansAttached` (pass when passed, fail when failed).
 *
 * @example { "sprintId": "sprint-4", "traceId": "trace-91dc", "issues": [], "status": "Compliant", "validatedBy": "policy-validator", "checks": ["CSPHeadersPresent", "RateLimitingEnabled", "TokenValidationMiddlewareConfigured", "TraceSpansAttached"] }
 */
export interface SecurityAuditCompletedData extends PayloadScope {
  /** `Compliant`, `NonCompliant`, `Review`, … */
  status?: string;
  issues?: SecurityIssueData[];
  /** `findings` is read too. */
  findings?: SecurityIssueData[];
  checks?: SecurityCheckData[];
  validatedBy?: string;
  jwtValidationEnabled?: boolean;
  spanTemplatesVerified?: boolean;
  securitySpanTemplateInjected?: boolean | string[];
  traceSpanPolicyCheck?: string | boolean;
}

/**
 * `SecurityPolicyViolation`: a failed check. A violation stays open until a later
 * SecurityAuditCompleted of the same source; a missing `severity` counts as critical.
 *
 * @example { "policy": "jwtValidationEnabled", "severity": "critical", "message": "GET /bookings accepts unsigned tokens" }
 */
export interface SecurityPolicyViolationData extends PayloadScope {
  /** `rule` and `check` are read too. */
  policy?: string;
  rule?: string;
  check?: string;
  severity?: string;
  /** `reason`, `description` and `error` are read too. */
  message?: string;
}

/** `SecurityPolicyPublished`: the scope's outputs are marked compliant. Any payload. */
export type SecurityPolicyPublishedData = PayloadScope;

/**
 * `SprintClosed`: closes the sprint; also makes ready the milestone streams it names (`stream`,
 * `streams`) or whose name is the sprint id or the envelope's `moduleId`. `SprintAborted` and
 * `SprintRewound` (reopens) decide the standing the same way; other sprint lifecycle events only
 * mark the sprint as started.
 *
 * @example { "sprintId": "sprint-2025-05-MVP1", "completedArtifacts": ["BookingService", "Tests", "PRs"], "versionTag": "mvp-ready-v1", "stream": "UserSignupFlow" }
 */
export interface SprintClosedData extends PayloadScope {
  stream?: string;
  streams?: string[];
}

/**
 * `FeatureStatusChanged`: the backlog status (`planned`, `inProgress`, `completed`, `deferred`, in
 * the spec's spellings). A completed feature whose id is a stream name makes that stream ready.
 *
 * @example { "featureId": "UserSignupFlow", "status": "Completed" }
 */
export interface FeatureStatusChangedData extends PayloadScope {
  status?: string;
}

/**
 * `FeatureDeferred`: the feature is deferred; where the scope allows it, gates stop requiring it.
 *
 * @example { "featureId": "Notification.Email.Send", "reason": "Missing prerequisites" }
 */
export interface FeatureDeferredData extends PayloadScope {
  reason?: string;
  deferredTo?: string;
}
