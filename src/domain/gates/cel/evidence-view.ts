import { evidenceMemo } from '../../evidence/evidence-memo.js';
import { isInScopeFeature } from '../../evidence/evidence-scope.js';
import { commitShasOf, pullRequestsOf, workOf } from '../../evidence/feature-links.js';
import { normalizeOutcome } from '../../evidence/normalize-word.js';
import { own } from '../../evidence/read-json.js';
import { requiredFeatures } from '../../evidence/required-features.js';
import type { PullRequestEvidence, ResilienceEvidence, ScopeEvidence, SprintEvidence, TestRunEvidence } from '../../evidence/scope-evidence.js';
import {
  confirmsJwtValidation,
  confirmsSpanTemplates,
  isCriticalSeverity,
  latestAudits,
  openViolations,
  traceSpanPolicyOutcome,
} from '../../evidence/security-statements.js';

/*
 * The evidence as CEL expressions see it (`expr:` gates). Numbers are CEL doubles: compare them with
 * ints freely (`f.coverage >= 90`), but write doubles in arithmetic (`tests.failed + 1.0`) or convert
 * (`int(tests.failed) + 1`). A missing value is `null`: guard it (`f.coverage != null && f.coverage >= 90`).
 */

/** One feature as CEL sees it. */
export interface FeatureView {
  id: string;
  /** In the scope's definition. */
  inScope: boolean;
  /** Deferred (and excused where the scope allows deferral). */
  deferred: boolean;
  /** `planned`, `inProgress`, `completed`, `deferred`, or null. */
  status: string | null;
  /** Paths of produced files. */
  files: string[];
  /** Shas of its commits and its pull requests' commits. */
  commits: string[];
  testFiles: string[];
  /** The latest run of each suite. */
  testRuns: TestRunView[];
  /** Totals over the latest runs. */
  tests: { passed: number; failed: number; skipped: number };
  /** Has latest runs, and all passed. */
  testsPassed: boolean;
  /** Latest coverage in percent, or null. */
  coverage: number | null;
  imageIds: string[];
  pullRequests: PullRequestView[];
}

export interface TestRunView {
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
  /** `passed`, `failed` or `empty`. */
  outcome: string;
  failures: { name: string; message: string | null }[];
}

export interface PullRequestView {
  id: string;
  featureId: string | null;
  branch: string | null;
  merged: boolean;
}

export interface SecurityView {
  /** Status of the latest audit (`Compliant`, …), or null. */
  status: string | null;
  /** Every source's latest audit is compliant (and there is at least one). */
  compliant: boolean;
  /** Critical findings in the latest audits plus open critical violations. */
  criticalFindings: number;
  issues: { source: string; severity: string; message: string }[];
  /** Passed checks over the latest audits. */
  checks: string[];
  failedChecks: string[];
  /** false when any latest audit denies it, true when one confirms it, else null. */
  jwtValidationEnabled: boolean | null;
  spanTemplatesVerified: boolean | null;
  /** `fail` when any latest audit fails it, else the stated outcome (`pass`), else null. */
  traceSpanPolicyCheck: string | null;
  violations: { source: string; policy: string | null; severity: string; message: string | null; open: boolean }[];
  /** Number of sources with an audit. */
  audits: number;
  /** A SecurityPolicyPublished was recorded. */
  published: boolean;
}

/**
 * The variables of an `expr:` gate. `evidence` holds all of them too (`evidence.features`).
 *
 * @example features.all(f, f.coverage >= 90) && security.status == "Compliant"
 */
export interface EvidenceView {
  scope: { kind: string; id: string; features: string[]; sprints: string[]; streams: string[]; allowsDeferred: boolean };
  /** The required features: in scope and not deferred (every feature named, when the scope declares none). */
  features: FeatureView[];
  /** Every feature with evidence or in scope, deferred and out-of-scope ones included. */
  allFeatures: FeatureView[];
  /** `allFeatures` by id: `byFeature["BookingFlow"].coverage`. */
  byFeature: Record<string, FeatureView>;
  /** Ids of deferred features that dropped out of scope. */
  deferred: string[];
  /** The lowest coverage of the required features; null when one has none, or there are none. */
  coverage: number | null;
  /** Totals over every latest run (features and runs naming none). */
  tests: { passed: number; failed: number; skipped: number; runs: number };
  pullRequests: PullRequestView[];
  security: SecurityView;
  /** `score`: the lowest latest score over sources, or null. */
  resilience: { score: number | null; scores: { source: string; score: number }[] };
  blueprint: { validated: boolean; id: string | null };
  /** Names of ValidationPassed events. */
  validations: string[];
  /** `standing`: `planned`, `open`, `closed` or `aborted`. */
  sprints: { id: string; standing: string }[];
  streams: { name: string; ready: boolean }[];
  /** Number of evidence events that could not be used. */
  ignored: number;
}

/** The names of the CEL variables, `evidence` included. */
export const evidenceViewVariables = [
  'evidence',
  'scope',
  'features',
  'allFeatures',
  'byFeature',
  'deferred',
  'coverage',
  'tests',
  'pullRequests',
  'security',
  'resilience',
  'blueprint',
  'validations',
  'sprints',
  'streams',
  'ignored',
] as const satisfies readonly ('evidence' | keyof EvidenceView)[];

/** The CEL view of a scope's evidence (built once per evidence state). */
export const evidenceView: (evidence: ScopeEvidence) => EvidenceView = evidenceMemo(buildView);

function buildView(evidence: ScopeEvidence): EvidenceView {
  const { required, deferred } = requiredFeatures(evidence);
  const excused = new Set(deferred);
  const ids = [...new Set([...evidence.scope.features, ...Object.keys(evidence.features).sort()])];
  const byFeature: Record<string, FeatureView> = Object.create(null) as Record<string, FeatureView>;
  for (const id of ids) Object.defineProperty(byFeature, id, { value: featureView(evidence, id, excused.has(id)), enumerable: true });
  const allFeatures = ids.map((id) => byFeature[id] as FeatureView);
  const features = required.map((id) => byFeature[id] as FeatureView);
  const coverages = features.map((feature) => feature.coverage);
  const allRuns = [...Object.values(evidence.features).flatMap((feature) => feature.testRuns), ...evidence.unattributed.testRuns];
  const scores = Object.keys(evidence.resilience)
    .sort()
    .map((source) => evidence.resilience[source] as ResilienceEvidence);
  return {
    scope: {
      kind: evidence.scope.kind,
      id: evidence.scope.id,
      features: [...evidence.scope.features],
      sprints: Object.keys(evidence.sprints).sort(),
      streams: [...evidence.scope.parallelStreams],
      allowsDeferred: evidence.scope.allowsDeferred,
    },
    features,
    allFeatures,
    byFeature,
    deferred,
    coverage: coverages.length === 0 || coverages.includes(null) ? null : Math.min(...(coverages as number[])),
    tests: { ...sumRuns(allRuns), runs: allRuns.length },
    pullRequests: Object.keys(evidence.pullRequests)
      .sort()
      .map((id) => pullRequestView(evidence.pullRequests[id] as PullRequestEvidence)),
    security: securityView(evidence),
    resilience: {
      score: scores.length === 0 ? null : Math.min(...scores.map((item) => item.score)),
      scores: scores.map(({ source, score }) => ({ source, score })),
    },
    blueprint: { validated: evidence.blueprint?.valid ?? false, id: evidence.blueprint?.blueprintId ?? null },
    validations: [...evidence.validations],
    sprints: Object.keys(evidence.sprints)
      .sort()
      .map((id) => ({ id, standing: (evidence.sprints[id] as SprintEvidence).standing })),
    streams: evidence.scope.parallelStreams.map((name) => ({ name, ready: own(evidence.streams, name)?.ready ?? false })),
    ignored: evidence.ignored.length,
  };
}

function featureView(evidence: ScopeEvidence, id: string, deferred: boolean): FeatureView {
  const work = workOf(evidence, id);
  const record = own(evidence.features, id);
  return {
    id,
    inScope: isInScopeFeature(evidence.scope, id),
    deferred,
    status: record?.status ?? null,
    files: work.files.map((file) => file.path),
    commits: commitShasOf(evidence, id),
    testFiles: [...work.testFiles],
    testRuns: work.testRuns.map(testRunView),
    tests: sumRuns(work.testRuns),
    testsPassed: work.testRuns.length > 0 && work.testRuns.every((run) => run.outcome === 'passed'),
    coverage: work.coverage?.percent ?? null,
    imageIds: [...work.imageIds],
    pullRequests: pullRequestsOf(evidence, id).map(pullRequestView),
  };
}

function testRunView(run: TestRunEvidence): TestRunView {
  return {
    suite: run.suite,
    passed: run.passed,
    failed: run.failed,
    skipped: run.skipped,
    outcome: run.outcome,
    failures: run.failures.map((failure) => ({ name: failure.name, message: failure.message ?? null })),
  };
}

function sumRuns(runs: readonly TestRunEvidence[]): { passed: number; failed: number; skipped: number } {
  return {
    passed: runs.reduce((sum, run) => sum + run.passed, 0),
    failed: runs.reduce((sum, run) => sum + run.failed, 0),
    skipped: runs.reduce((sum, run) => sum + run.skipped, 0),
  };
}

function pullRequestView(pr: PullRequestEvidence): PullRequestView {
  return { id: pr.id, featureId: pr.featureId ?? null, branch: pr.branch ?? null, merged: pr.merged };
}

function securityView(evidence: ScopeEvidence): SecurityView {
  const audits = latestAudits(evidence);
  const latest = audits.reduce<(typeof audits)[number] | undefined>((best, audit) => (best === undefined || audit.position > best.position ? audit : best), undefined);
  const open = new Set(openViolations(evidence).map((violation) => violation.eventId));
  const issues = audits.flatMap((audit) => audit.issues.map((issue) => ({ source: audit.source, severity: issue.severity, message: issue.message })));
  const criticalIssues = issues.filter((issue) => isCriticalSeverity(issue.severity)).length;
  const criticalViolations = evidence.security.violations.filter((violation) => open.has(violation.eventId) && isCriticalSeverity(violation.severity)).length;
  return {
    status: latest?.status ?? null,
    compliant: audits.length > 0 && audits.every((audit) => audit.status !== undefined && normalizeOutcome(audit.status) === 'pass'),
    criticalFindings: criticalIssues + criticalViolations,
    issues,
    checks: [...new Set(audits.flatMap((audit) => audit.checks))].sort(),
    failedChecks: [...new Set(audits.flatMap((audit) => audit.failedChecks))].sort(),
    jwtValidationEnabled: combineFlags(audits.map(confirmsJwtValidation)),
    spanTemplatesVerified: combineFlags(audits.map(confirmsSpanTemplates)),
    traceSpanPolicyCheck: combineOutcomes(audits.map(traceSpanPolicyOutcome)),
    violations: evidence.security.violations.map((violation) => ({
      source: violation.source,
      policy: violation.policy ?? null,
      severity: violation.severity,
      message: violation.message ?? null,
      open: open.has(violation.eventId),
    })),
    audits: audits.length,
    published: evidence.security.published.length > 0,
  };
}

function combineFlags(flags: readonly (boolean | undefined)[]): boolean | null {
  if (flags.includes(false)) return false;
  return flags.includes(true) ? true : null;
}

function combineOutcomes(outcomes: readonly (string | undefined)[]): string | null {
  const stated = outcomes.filter((outcome) => outcome !== undefined);
  if (stated.includes('fail')) return 'fail';
  return stated.find((outcome) => outcome !== 'pass') ?? stated[0] ?? null;
}
