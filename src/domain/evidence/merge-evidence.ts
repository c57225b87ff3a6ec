import { mergeFile } from './fold-artifacts.js';
import { advance, withIgnored } from './fold-evidence.js';
import { advanceStanding, isLatestStatus } from './fold-lifecycle.js';
import { withPullRequest } from './fold-pull-requests.js';
import { withAudit, withPublished, withViolation } from './fold-security.js';
import { latestRun, withCoverage } from './fold-tests.js';
import { withBlueprint, withResilience } from './fold-validations.js';
import { mergeCommit } from './read-commit.js';
import { withScopeEntries } from './rescope-evidence.js';
import { emptyDictionary, inBatch, own, withEntry, withMembers } from './read-json.js';
import { changeWork, type FeatureEvidence, type ScopeEvidence, type SprintEvidence, type WorkEvidence } from './scope-evidence.js';
import { addSorted, upsertSorted } from './sorted-set.js';
import { withFeature } from './update-work.js';

/**
 * `target` with everything each of `sources` holds added, as if the events folded into them had
 * been folded into `target` as well: the fold keeps sets sorted and chooses "latest" things by log
 * position, so it is a join, and merging folds equals folding the union of their events. The
 * scope, the streams and the waivers stay `target`'s: the scope folded for decides them (a
 * milestone's streams and waivers come from its own fold); every member of the scope gets an entry,
 * as in a fold. A new value: changes none of its inputs.
 *
 * @example mergeEvidence(milestone.evidence, sprints.map((sprint) => sprint.evidence))
 */
export function mergeEvidence(target: ScopeEvidence, sources: Iterable<ScopeEvidence>): ScopeEvidence {
  // A batch of its own: what the merge copies it changes in place; what the inputs hold it copies.
  return inBatch(() => {
    let merged = target;
    for (const source of sources) merged = mergeOne(merged, source);
    // Members of the scope no input holds an entry for (see `joinScope`) get an empty one.
    return withScopeEntries(merged);
  });
}

function mergeOne(target: ScopeEvidence, source: ScopeEvidence): ScopeEvidence {
  let next = target;
  for (const featureId of Object.keys(source.features)) {
    const incoming = source.features[featureId] as FeatureEvidence;
    const existing = own(next.features, featureId);
    // Most features are worked on in one sprint: the milestone's entry is empty, the sprint's is the merge.
    const merged = existing === undefined || (existing.status === undefined && isEmptyWork(existing)) ? incoming : mergeFeature(existing, incoming);
    if (merged !== existing) next = withFeature(next, merged);
  }
  if (!isEmptyWork(source.unattributed)) {
    const unattributed = mergeWork(next.unattributed, source.unattributed);
    if (unattributed !== next.unattributed) next = withMembers(next, { unattributed });
  }
  // Most parts of most sprints' evidence are the one shared empty dictionary: nothing to list.
  if (source.pullRequests !== emptyDictionary()) for (const pullRequest of Object.values(source.pullRequests)) next = withPullRequest(next, pullRequest);
  if (source.blueprint !== undefined) next = withBlueprint(next, source.blueprint);
  if (source.security.audits !== emptyDictionary()) for (const audit of Object.values(source.security.audits)) next = withAudit(next, audit);
  for (const violation of source.security.violations) next = withViolation(next, violation);
  for (const published of source.security.published) next = withPublished(next, published);
  if (source.resilience !== emptyDictionary()) for (const resilience of Object.values(source.resilience)) next = withResilience(next, resilience);
  let validations = next.validations;
  for (const name of source.validations) validations = addSorted(validations, name);
  if (validations !== next.validations) next = withMembers(next, { validations });
  for (const sprintId of Object.keys(source.sprints)) {
    const incoming = source.sprints[sprintId] as SprintEvidence;
    const existing = own(next.sprints, sprintId);
    const unstarted = existing === undefined || (!existing.started && existing.decidedBy === undefined);
    const merged = unstarted ? incoming : advanceStanding(existing, incoming.started, incoming.decidedBy, incoming.decidedAt);
    if (merged !== existing) next = withMembers(next, { sprints: withEntry(next.sprints, sprintId, merged) });
  }
  for (const entry of source.ignored) next = withIgnored(next, entry);
  return advance(next, source.lastPosition);
}

function isEmptyWork(work: WorkEvidence): boolean {
  return work.coverage === undefined && work.files.length === 0 && work.commits.length === 0 && work.testFiles.length === 0 && work.testRuns.length === 0 && work.imageIds.length === 0;
}

function mergeFeature(feature: FeatureEvidence, from: FeatureEvidence): FeatureEvidence {
  const merged = mergeWork(feature, from);
  const { status, statusPosition = 0, deferReason } = from;
  if (status === undefined || !isLatestStatus(merged, status, statusPosition, deferReason)) return merged;
  return changeWork(merged, { status, statusPosition, deferReason });
}

function mergeWork<T extends WorkEvidence>(work: T, from: WorkEvidence): T {
  let files = work.files;
  for (const file of from.files) files = upsertSorted(files, file, (item) => item.path, mergeFile);
  let commits = work.commits;
  for (const commit of from.commits) commits = upsertSorted(commits, commit, (item) => item.sha, mergeCommit);
  let testFiles = work.testFiles;
  for (const file of from.testFiles) testFiles = addSorted(testFiles, file);
  let testRuns = work.testRuns;
  for (const run of from.testRuns) testRuns = upsertSorted(testRuns, run, (item) => item.suite, latestRun);
  let imageIds = work.imageIds;
  for (const imageId of from.imageIds) imageIds = addSorted(imageIds, imageId);
  const unchanged = files === work.files && commits === work.commits && testFiles === work.testFiles && testRuns === work.testRuns && imageIds === work.imageIds;
  const next = unchanged ? work : changeWork(work, { files, commits, testFiles, testRuns, imageIds });
  return from.coverage === undefined ? next : withCoverage(next, from.coverage);
}
