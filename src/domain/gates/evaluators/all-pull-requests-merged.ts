import type { JsonObject } from '../../events/envelope.js';
import { pullRequestsOf, workOf } from '../../evidence/feature-links.js';
import { requiredFeatures } from '../../evidence/required-features.js';
import type { PullRequestEvidence } from '../../evidence/scope-evidence.js';
import { capped, count, deferredNote, listSome, scopeLabel } from '../gate-reason.js';
import { fail, pass } from '../gate-result.js';
import type { GateEvaluator } from './gate-evaluator.js';

/**
 * `allPullRequestsMerged`: every pull request of the scope is merged, and every required feature
 * with commits has a pull request.
 *
 * A scope without any pull request fails ("no pull request recorded"): the gate vouches that the
 * work went through review and reached the main line, and an empty record does not show that (a
 * sprint whose features produced commits but never opened a pull request is exactly what it must
 * stop). Open pull requests of deferred features are not counted.
 */
export const allPullRequestsMerged: GateEvaluator = (evidence) => {
  const { required, deferred } = requiredFeatures(evidence);
  const all = Object.keys(evidence.pullRequests)
    .sort()
    .map((id) => evidence.pullRequests[id] as PullRequestEvidence);
  const excused = new Set(deferred);
  const counted = all.filter((pr) => pr.featureId === undefined || !excused.has(pr.featureId));
  const unmerged = counted.filter((pr) => !pr.merged);
  const commitsWithoutPr = required
    .map((featureId) => ({ featureId, commits: workOf(evidence, featureId).commits.length }))
    .filter(({ featureId, commits }) => commits > 0 && pullRequestsOf(evidence, featureId).length === 0);
  const facts: JsonObject = {
    pullRequests: counted.length,
    merged: counted.length - unmerged.length,
    unmerged: capped(unmerged).map(describe),
    featuresWithCommitsButNoPullRequest: capped(commitsWithoutPr).map(({ featureId, commits }) => ({ featureId, commits })),
  };
  if (counted.length === 0) {
    const commits = required.reduce((sum, featureId) => sum + workOf(evidence, featureId).commits.length, 0) + evidence.unattributed.commits.length;
    const byFeature = commitsWithoutPr.map(({ featureId, commits: n }) => `${featureId} ${n}`);
    const where = byFeature.length === 0 ? '' : ` (${listSome(byFeature, ', ')})`;
    const also = commits === 0 ? '' : `, although ${count(commits, 'commit')} ${commits === 1 ? 'was' : 'were'} recorded${where}`;
    return fail(`no pull request recorded for ${scopeLabel(evidence)}${also}`, facts);
  }
  const problems = [
    ...(unmerged.length === 0 ? [] : [`${unmerged.length} of ${count(counted.length, 'pull request')} not merged: ${listSome(unmerged.map(label), ', ')}`]),
    ...commitsWithoutPr.map(({ featureId, commits }) => `${featureId} has ${count(commits, 'commit')} but no pull request`),
  ];
  if (problems.length > 0) return fail(listSome(problems), facts);
  const excusedOpen = all.length - counted.length;
  const note = excusedOpen === 0 ? '' : `; ${count(excusedOpen, 'pull request')} of deferred features not counted`;
  return pass(`all ${count(counted.length, 'pull request')} merged${note}${deferredNote(deferred)}`, facts);
};

/** `#42 (BookingFlow, feature/booking/sprint-3)`. */
function label(pr: PullRequestEvidence): string {
  const name = /^\d+$/.test(pr.id) ? `#${pr.id}` : pr.id;
  const details = [pr.featureId, pr.branch].filter((part) => part !== undefined);
  return details.length === 0 ? name : `${name} (${details.join(', ')})`;
}

function describe(pr: PullRequestEvidence): JsonObject {
  const out: JsonObject = { id: pr.id };
  if (pr.featureId !== undefined) out['featureId'] = pr.featureId;
  if (pr.branch !== undefined) out['branch'] = pr.branch;
  return out;
}
