import { commitShasOf, pullRequestsOf, workOf } from '../evidence/feature-links.js';
import type { CommitEvidence, ScopeEvidence } from '../evidence/scope-evidence.js';

/** A link a feature of the trace matrix must have (`traceMatrixComplete` lists the missing ones). */
export const TraceLink = { File: 'file', Commit: 'commit', Test: 'test', Coverage: 'coverage' } as const;
export type TraceLink = (typeof TraceLink)[keyof typeof TraceLink];

/** Everything one feature links in a scope's evidence: the row of the trace matrix. */
export interface FeatureTrace {
  featureId: string;
  /** Produced files, sorted by path. */
  files: string[];
  /** Its commits and those of its pull requests, sorted by sha. */
  commits: string[];
  /** Generated test files, then the suites of its test runs (named ones), without repeats. */
  tests: string[];
  /** Agents and skills the produced files are attributed to, sorted. */
  agents: string[];
  skills: string[];
  /** Pull request ids, sorted. */
  pullRequests: string[];
  /** Container images, sorted. */
  imageIds: string[];
  /** Git tags on its commits (`sprint-3-complete`, `feature/booking`), sorted. */
  tags: string[];
  /** Latest coverage, 0–100. */
  coverage?: number;
  /** The links it lacks, in the order file, commit, test, coverage. */
  missing: TraceLink[];
}

/**
 * The trace of one feature: what the trace matrix writes for it, what `traceMatrixComplete` checks,
 * and what `feature-test-link.yaml` and `kairos trace` show — one read of the evidence for all.
 */
export function featureTrace(evidence: ScopeEvidence, featureId: string): FeatureTrace {
  const work = workOf(evidence, featureId);
  const tests = [...new Set([...work.testFiles, ...work.testRuns.map((run) => run.suite).filter((suite) => suite !== '')])];
  const agents = new Set<string>();
  const skills = new Set<string>();
  for (const file of work.files) {
    if (file.agentId !== undefined) agents.add(file.agentId);
    if (file.skillId !== undefined) skills.add(file.skillId);
  }
  const trace: FeatureTrace = {
    featureId,
    files: work.files.map((file) => file.path),
    commits: commitShasOf(evidence, featureId),
    tests,
    agents: [...agents].sort(),
    skills: [...skills].sort(),
    pullRequests: pullRequestsOf(evidence, featureId).map((pullRequest) => pullRequest.id),
    imageIds: work.imageIds,
    tags: gitTagsOf(work.commits),
    missing: [],
  };
  if (work.coverage !== undefined) trace.coverage = work.coverage.percent;
  // A suite-less run still shows the feature was tested, though it names no test.
  const tested = tests.length > 0 || work.testRuns.length > 0;
  if (trace.files.length === 0) trace.missing.push(TraceLink.File);
  if (trace.commits.length === 0) trace.missing.push(TraceLink.Commit);
  if (!tested) trace.missing.push(TraceLink.Test);
  if (trace.coverage === undefined) trace.missing.push(TraceLink.Coverage);
  return trace;
}

/** A missing link as a reason writes it: `no produced file`, `no commit`, `no test`, `no coverage`. */
export function describeLink(link: TraceLink): string {
  return link === TraceLink.File ? 'no produced file' : `no ${link}`;
}

/** `no produced file, no commit`: the missing links as the gate's reason writes them. */
export function describeMissing(missing: readonly TraceLink[]): string {
  return missing.map(describeLink).join(', ');
}

/** Prefix of the `tag:<name>` entries a commit's evidence carries for the git tags on it. */
export const gitTagPrefix = 'tag:';

/** The git tags recorded on some commits, sorted. */
export function gitTagsOf(commits: readonly CommitEvidence[]): string[] {
  const tags = new Set<string>();
  for (const commit of commits) for (const tag of commit.tags) if (tag.startsWith(gitTagPrefix)) tags.add(tag.slice(gitTagPrefix.length));
  return [...tags].sort();
}
