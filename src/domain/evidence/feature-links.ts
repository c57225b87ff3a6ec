import { own } from './read-json.js';
import { emptyWork, type CommitEvidence, type PullRequestEvidence, type ScopeEvidence, type WorkEvidence } from './scope-evidence.js';

/** The work of a feature (empty when nothing was recorded for it). */
export function workOf(evidence: ScopeEvidence, featureId: string): WorkEvidence {
  return own(evidence.features, featureId) ?? emptyWork();
}

/** The pull requests attributed to a feature, by id. */
export function pullRequestsOf(evidence: ScopeEvidence, featureId: string): PullRequestEvidence[] {
  return Object.keys(evidence.pullRequests)
    .sort()
    .map((id) => evidence.pullRequests[id] as PullRequestEvidence)
    .filter((pullRequest) => pullRequest.featureId === featureId);
}

/** Shas of a feature's commits: those recorded for it and those of its pull requests, sorted. */
export function commitShasOf(evidence: ScopeEvidence, featureId: string): string[] {
  const shas = new Set(workOf(evidence, featureId).commits.map((commit: CommitEvidence) => commit.sha));
  for (const pullRequest of pullRequestsOf(evidence, featureId)) for (const commit of pullRequest.commits) shas.add(commit.sha);
  return [...shas].sort();
}
