import { evidenceMemo } from './evidence-memo.js';
import { own } from './read-json.js';
import { emptyWork, type PullRequestEvidence, type ScopeEvidence, type WorkEvidence } from './scope-evidence.js';

/** The work of a feature (empty when nothing was recorded for it). */
export function workOf(evidence: ScopeEvidence, featureId: string): WorkEvidence {
  return own(evidence.features, featureId) ?? emptyWork();
}

/** The scope's pull requests by the feature they are attributed to, by id. */
const pullRequestsByFeature = evidenceMemo((evidence) => {
  const index = new Map<string, PullRequestEvidence[]>();
  for (const id of Object.keys(evidence.pullRequests).sort()) {
    const pullRequest = evidence.pullRequests[id] as PullRequestEvidence;
    if (pullRequest.featureId === undefined) continue;
    const list = index.get(pullRequest.featureId);
    if (list === undefined) index.set(pullRequest.featureId, [pullRequest]);
    else list.push(pullRequest);
  }
  return index;
});

/** The pull requests attributed to a feature, by id (indexed once per evidence state). */
export function pullRequestsOf(evidence: ScopeEvidence, featureId: string): PullRequestEvidence[] {
  return pullRequestsByFeature(evidence).get(featureId) ?? [];
}

/** Shas of a feature's commits: those recorded for it and those of its pull requests, sorted. */
export function commitShasOf(evidence: ScopeEvidence, featureId: string): string[] {
  const shas = new Set(workOf(evidence, featureId).commits.map((commit) => commit.sha));
  for (const pullRequest of pullRequestsOf(evidence, featureId)) for (const commit of pullRequest.commits) shas.add(commit.sha);
  return [...shas].sort();
}
