import type { JsonObject } from '../events/envelope.js';
import { EventType } from '../events/event-type.js';
import { sprintStream } from '../events/stream-id.js';
import { workOf } from '../evidence/feature-links.js';
import { own } from '../evidence/read-json.js';
import type { CommitEvidence, PullRequestEvidence, ScopeEvidence } from '../evidence/scope-evidence.js';
import type { Board, SprintRecord } from '../orchestrator/board.js';
import { featureBranchName } from './branch-name.js';
import { gitTagPrefix } from './feature-trace.js';
import type { GitCommit, GitHistory, GitTag } from './git-history.js';
import { gitSource, type GitTraceEvent } from './git-trace-event.js';
import { hasTraceTags, traceTagsOf, type TraceTags } from './git-trace-tags.js';
import { createSprintResolver, type SprintResolver } from './sprint-resolver.js';

/** What a read of a repository adds to the log, and what it could not link to a sprint. */
export interface GitTraceReading {
  /** Only facts the board does not know yet: an unchanged repository gives none. */
  events: GitTraceEvent[];
  /** Commits with trace tags naming no sprint of the board. */
  unlinkedCommits: string[];
  /** Feature branches naming no sprint of the board. */
  unlinkedBranches: string[];
}

/**
 * The events that link a repository's history to the board's sprints:
 *
 * - a commit whose message carries trace tags (`[trace:<id> sprint:<id> feature:<id>]`) becomes an
 *   `ArtifactProduced` with that commit for its feature (or its sprint), id `git:<sha>:<feature>`;
 * - a feature branch `feature/<name>/sprint-<n>` (or `feature/<sprintId>/<featureId>`) is a pull
 *   request of its sprint (`PullRequestCreated`), merged (`PullRequestMerged`, with its merge commit)
 *   once its tip is an ancestor of the main line;
 * - a tag `feature/<id>`, `trace/<id>` (the spec's `feature:<id>`, `trace:<id>`: git refuses `:`)
 *   or `sprint-<n>-complete` marks its commit (`tag:<name>`) in the evidence of the sprint it names.
 *
 * Facts the evidence already holds (reported by the agents, or read before) give no event.
 */
export function gitTraceEvents(history: GitHistory, board: Board): GitTraceReading {
  const resolver = createSprintResolver(board);
  const reading: GitTraceReading = { events: [], unlinkedCommits: [], unlinkedBranches: [] };
  const commits = new Map(history.commits.map((commit) => [commit.sha, commit]));
  const mergedBy = mergeCommits(history);
  for (const commit of history.commits) readCommit(reading, resolver, commit);
  for (const branch of history.branches) {
    const parts = featureBranchName(branch.name);
    if (parts === undefined) continue;
    const tip = commits.get(branch.tip);
    const tags = tip === undefined ? { featureIds: [] } : traceTagsOf(tip.message);
    // `feature/<name>/sprint-<n>` names its sprint second; the booking example's `feature/<sprintId>/<featureId>` first.
    const second = resolver.byName(parts.second);
    const first = second === undefined ? resolver.byName(parts.first) : undefined;
    const sprint = second ?? first ?? resolver.byTags(tags);
    if (sprint === undefined) {
      reading.unlinkedBranches.push(branch.name);
      continue;
    }
    const names = second !== undefined ? [parts.first] : first !== undefined ? [parts.second] : [parts.first, parts.second];
    const featureId = tags.featureIds[0] ?? names.map((name) => featureNamed(sprint, name)).find((id) => id !== undefined);
    readBranch(reading, sprint, { ...branch, title: tip?.message.split('\n')[0] }, featureId, mergedBy.get(branch.tip));
  }
  for (const tag of history.tags) readTag(reading, resolver, tag, commits.get(tag.target));
  return reading;
}

function readCommit(reading: GitTraceReading, resolver: SprintResolver, commit: GitCommit): void {
  const tags = traceTagsOf(commit.message);
  if (!hasTraceTags(tags)) return;
  const sprint = resolver.byTags(tags);
  if (sprint === undefined) {
    reading.unlinkedCommits.push(commit.sha);
    return;
  }
  const record: CommitEvidence = { sha: commit.sha, message: commit.message, tags: [] };
  for (const featureId of tags.featureIds.length === 0 ? [undefined] : tags.featureIds) {
    if (knowsCommit(sprint.evidence, featureId, commit.sha, commit.message)) continue;
    const data: JsonObject = { source: gitSource, commit: { sha: record.sha, message: commit.message } };
    if (commit.author !== undefined) data['author'] = commit.author;
    if (commit.committedAt !== undefined) data['committedAt'] = commit.committedAt;
    reading.events.push(sprintEvent(sprint, `git:${commit.sha}:${featureId ?? sprint.id}`, EventType.ArtifactProduced, data, featureId, tags));
  }
}

function readBranch(
  reading: GitTraceReading,
  sprint: SprintRecord,
  branch: { name: string; tip: string; merged: boolean; title: string | undefined },
  featureId: string | undefined,
  mergeCommit: string | undefined,
): void {
  const known = pullRequestOfBranch(sprint.evidence, branch.name);
  const id = known?.id ?? branch.name;
  const data: JsonObject = { source: gitSource, id, branch: branch.name, commits: [branch.tip] };
  if (branch.title !== undefined) data['title'] = branch.title;
  const attributed = featureId ?? known?.featureId;
  if (known === undefined || !known.commits.some((commit) => commit.sha === branch.tip)) {
    reading.events.push(sprintEvent(sprint, `git:branch:${branch.name}:${branch.tip}`, EventType.PullRequestCreated, data, attributed));
  }
  if (branch.merged && known?.merged !== true) {
    const merged: JsonObject = { ...data };
    if (mergeCommit !== undefined) merged['mergeCommit'] = mergeCommit;
    reading.events.push(sprintEvent(sprint, `git:merge:${branch.name}:${branch.tip}`, EventType.PullRequestMerged, merged, attributed));
  }
}

function readTag(reading: GitTraceReading, resolver: SprintResolver, tag: GitTag, target: GitCommit | undefined): void {
  const owner = tagOwner(resolver, tag.name, target === undefined ? { featureIds: [] } : traceTagsOf(target.message));
  if (owner === undefined) return;
  const { sprint, featureId } = owner;
  const entry = `${gitTagPrefix}${tag.name}`;
  const commits = featureId === undefined ? sprint.evidence.unattributed.commits : workOf(sprint.evidence, featureId).commits;
  if (commits.some((commit) => commit.sha === tag.target && commit.tags.includes(entry))) return;
  const data: JsonObject = { source: gitSource, commit: { sha: tag.target, tags: [entry] }, tag: tag.name };
  reading.events.push(sprintEvent(sprint, `git:tag:${tag.name}:${tag.target}`, EventType.ArtifactProduced, data, featureId));
}

/**
 * The sprint and feature a tag belongs to. Its name says it for `feature:<name>` and `trace:<id>`
 * (git refuses `:` in a ref name, so a repository spells them `feature/<name>`, `trace/<id>`) and
 * `sprint-<n>-complete`; otherwise (or when the name is no id the board knows) the trace tags of the
 * commit it points at do. `<name>` may be a feature id or a plainer spelling of one (`booking` for
 * `Booking`).
 */
function tagOwner(resolver: SprintResolver, name: string, fromCommit: TraceTags): { sprint: SprintRecord; featureId?: string } | undefined {
  const bySprintOf = (sprint: SprintRecord | undefined, featureId?: string): { sprint: SprintRecord; featureId?: string } | undefined =>
    sprint === undefined ? undefined : featureId === undefined ? { sprint } : { sprint, featureId };
  const commitSprint = resolver.byTags(fromCommit);
  const commitFeature = fromCommit.featureIds[0];
  const feature = /^feature[:/](.+)$/.exec(name)?.[1];
  if (feature !== undefined) {
    const named = resolver.byTags({ featureIds: [feature] });
    if (named !== undefined) return { sprint: named, featureId: feature };
    return bySprintOf(commitSprint, commitSprint === undefined ? undefined : (featureNamed(commitSprint, feature) ?? commitFeature));
  }
  const trace = /^trace[:/](.+)$/.exec(name)?.[1];
  if (trace !== undefined) {
    const traced = resolver.byTags({ traceId: trace, featureIds: [] }) ?? commitSprint;
    return bySprintOf(traced, traced !== undefined && traced === commitSprint ? commitFeature : undefined);
  }
  const complete = /^(.+)-complete$/.exec(name)?.[1];
  const closed = complete === undefined ? undefined : resolver.byName(complete);
  if (closed !== undefined) return { sprint: closed };
  return bySprintOf(commitSprint, commitFeature);
}

function sprintEvent(sprint: SprintRecord, eventId: string, type: EventType, data: JsonObject, featureId: string | undefined, tags?: TraceTags): GitTraceEvent {
  const event: GitTraceEvent['event'] = {
    eventId,
    type,
    traceId: tags?.traceId ?? sprint.traceId,
    correlationId: sprint.correlationId,
    causationId: null,
    sprintId: sprint.id,
    data,
  };
  if (sprint.milestoneId !== undefined) event.milestoneId = sprint.milestoneId;
  if (featureId !== undefined) event.featureId = featureId;
  return { streamId: sprintStream(sprint.id), event };
}

/** Whether the evidence has this commit for this feature (or the sprint) with every tag of its message. */
function knowsCommit(evidence: ScopeEvidence, featureId: string | undefined, sha: string, message: string): boolean {
  const commits = featureId === undefined ? evidence.unattributed.commits : workOf(evidence, featureId).commits;
  const known = commits.find((commit) => commit.sha === sha);
  if (known === undefined) return false;
  const wanted = traceTagsOf(message);
  return (wanted.traceId === undefined || known.tags.includes(`trace:${wanted.traceId}`)) && (wanted.sprintId === undefined || known.tags.includes(`sprint:${wanted.sprintId}`));
}

/** The pull request recorded for a branch: by id, else by its `branch`. */
function pullRequestOfBranch(evidence: ScopeEvidence, branch: string): PullRequestEvidence | undefined {
  const byId = own(evidence.pullRequests, branch);
  if (byId !== undefined) return byId;
  return Object.values(evidence.pullRequests).find((pullRequest) => pullRequest.branch === branch);
}

/** The in-scope feature a branch part names: its id, else the one whose id reads the same ignoring case and punctuation. */
function featureNamed(sprint: SprintRecord, name: string): string | undefined {
  if (sprint.features.includes(name)) return name;
  const plain = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  return sprint.features.find((featureId) => plain(featureId) === plain(name));
}

/** For each commit merged into the main line by a merge commit (a parent other than its first), that merge commit. */
function mergeCommits(history: GitHistory): Map<string, string> {
  const onMain = new Set(history.mainLine);
  const mergedBy = new Map<string, string>();
  for (const commit of history.commits) {
    if (!onMain.has(commit.sha)) continue;
    for (const parent of commit.parents.slice(1)) if (!onMain.has(parent) && !mergedBy.has(parent)) mergedBy.set(parent, commit.sha);
  }
  return mergedBy;
}
