import { canonicalJson } from '../events/canonical-json.js';
import { type FoldStep, prefer } from './fold-step.js';
import { mergeCommit, readCommits } from './read-commit.js';
import { firstId, firstString, own, withEntry, withMembers } from './read-json.js';
import type { CommitEvidence, PullRequestEvidence, ScopeEvidence } from './scope-evidence.js';
import { upsertSorted } from './sorted-set.js';

/**
 * PullRequestCreated and PullRequestMerged: one record per pull request id. Its feature, branch and
 * title come from the latest PullRequestCreated (else the latest PullRequestMerged); merged is set by
 * any PullRequestMerged. Commits are kept on the pull request, so a merge recorded before its
 * creation still ends up with the right feature.
 */
export const foldPullRequest: FoldStep = (evidence, event) => {
  const { data, anchors, position, type } = event;
  const id = firstId(data, ['id', 'pullRequestId', 'number', 'pullRequest', 'pr']);
  if (id === undefined) return `${type} names no pull request (id, pullRequestId or number)`;
  const created = type === 'PullRequestCreated';
  const incoming: PullRequestEvidence = {
    id,
    merged: !created,
    position,
    created,
    commits: readCommits(data['commits'], ...(created ? [] : [data['mergeCommit'], data['mergeSha']])),
  };
  if (!created) incoming.mergedPosition = position;
  if (anchors.featureId !== undefined) incoming.featureId = anchors.featureId;
  const branch = firstString(data, ['branch', 'sourceBranch', 'head']);
  if (branch !== undefined) incoming.branch = branch;
  const title = firstString(data, ['title']);
  if (title !== undefined) incoming.title = title;
  return withPullRequest(evidence, incoming);
};

/** `evidence` with what `incoming` says of its pull request merged into the record of its id. */
export function withPullRequest(evidence: ScopeEvidence, incoming: PullRequestEvidence): ScopeEvidence {
  const existing = own(evidence.pullRequests, incoming.id);
  const next = existing === undefined ? sortedCommits(incoming) : mergePullRequest(existing, incoming);
  return next === existing ? evidence : withMembers(evidence, { pullRequests: withEntry(evidence.pullRequests, incoming.id, next) });
}

function sortedCommits(pullRequest: PullRequestEvidence): PullRequestEvidence {
  let commits: CommitEvidence[] = [];
  for (const commit of pullRequest.commits) commits = upsertSorted(commits, commit, (item) => item.sha, mergeCommit);
  return { ...pullRequest, commits };
}

function mergePullRequest(existing: PullRequestEvidence, incoming: PullRequestEvidence): PullRequestEvidence {
  const winner = prefer(existing, incoming, (pr) => [pr.created ? 1 : 0, pr.position], attributionKey);
  let commits = existing.commits;
  for (const commit of incoming.commits) commits = upsertSorted(commits, commit, (item) => item.sha, mergeCommit);
  const mergedPosition = minDefined(existing.mergedPosition, incoming.mergedPosition);
  const merged = existing.merged || incoming.merged;
  const created = existing.created || incoming.created;
  if (winner === existing && commits === existing.commits && merged === existing.merged && created === existing.created && mergedPosition === existing.mergedPosition) {
    return existing;
  }
  const next: PullRequestEvidence = { id: existing.id, merged, position: winner.position, created, commits };
  if (winner.featureId !== undefined) next.featureId = winner.featureId;
  if (winner.branch !== undefined) next.branch = winner.branch;
  if (winner.title !== undefined) next.title = winner.title;
  if (mergedPosition !== undefined) next.mergedPosition = mergedPosition;
  return next;
}

/** What decides a tie between two attributions: feature, branch and title only. */
function attributionKey(pr: PullRequestEvidence): string {
  return canonicalJson({ featureId: pr.featureId, branch: pr.branch, title: pr.title });
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
