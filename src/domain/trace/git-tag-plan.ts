import type { JsonObject } from '../events/envelope.js';
import { EventType } from '../events/event-type.js';
import { milestoneStream, sprintStream } from '../events/stream-id.js';
import { own } from '../evidence/read-json.js';
import { SprintStanding } from '../evidence/scope-evidence.js';
import type { Board, MilestoneRecord, SprintRecord } from '../orchestrator/board.js';
import type { GitHistory, GitTag } from './git-history.js';
import { gitSource, type GitTraceEvent } from './git-trace-event.js';
import { traceTagsOf } from './git-trace-tags.js';

/** An annotated tag to create, and the event that records it once it is. */
export interface PlannedGitTag {
  name: string;
  /** The commit it goes on. */
  target: string;
  message: string;
  /** `VersionTagged`, appended once the tag exists. */
  recorded: GitTraceEvent;
}

/** What tagging a repository for the board's closed sprints and completed milestones means. */
export interface GitTagPlan {
  create: PlannedGitTag[];
  /**
   * Tags of earlier closings, and tags of that name someone else made (left alone: a tag never
   * moves), each with the `VersionTagged` that records it (appending it again appends nothing).
   */
  existing: { tag: GitTag; recorded: GitTraceEvent }[];
}

/** The state of the default milestone machine whose entry completes a milestone. */
const completedState = 'Completed';

/**
 * The spec's tags for what the board closed: `sprint-<n>-complete` on each closed sprint's last
 * main-line commit (the main line's tip when none names the sprint), `<milestone>-v<n>` on each
 * completed milestone's (the next free `n`). Each message carries the traceId and the closing
 * event's log position, which is how a later reading knows a tag is this closing's. An existing tag
 * of the same name is never moved: a sprint tag someone else made is reported as left alone.
 */
export function planGitTags(board: Board, history: GitHistory): GitTagPlan {
  const plan: GitTagPlan = { create: [], existing: [] };
  if (history.mainLine.length === 0) return plan;
  const tags = new Map(history.tags.map((tag) => [tag.name, tag]));
  const lastCommitOf = lastMainLineCommits(history);
  for (const sprint of board.sprints.values()) {
    const standing = own(sprint.evidence.sprints, sprint.id);
    if (standing?.standing !== SprintStanding.Closed || standing.decidedAt === undefined) continue;
    const closing = `SprintClosed at log position ${standing.decidedAt}`;
    const name = sprintTagName(sprint.id);
    const target = lastCommitOf.get(sprint.id) ?? (history.mainLine[0] as string);
    const message = tagMessage(`Sprint ${sprint.id} complete`, sprint.traceId, closing, { sprintId: sprint.id, milestoneId: sprint.milestoneId });
    const existing = tags.get(name);
    if (existing === undefined) plan.create.push({ name, target, message, recorded: tagged(sprint, name, target, closing, true) });
    else plan.existing.push({ tag: existing, recorded: tagged(sprint, name, existing.target, closing, isTagOf(existing, closing)) });
  }
  for (const milestone of board.milestones.values()) {
    const transition = milestone.lastTransition;
    if (transition?.to !== completedState) continue;
    const closing = `MilestoneCompleted at log position ${transition.position}`;
    const versions = [...tags.values()].filter((tag) => milestoneVersion(milestone.id, tag.name) !== undefined);
    const mine = versions.find((tag) => isTagOf(tag, closing));
    if (mine !== undefined) {
      plan.existing.push({ tag: mine, recorded: tagged(milestone, mine.name, mine.target, closing, true) });
      continue;
    }
    const next = Math.max(0, ...versions.map((tag) => milestoneVersion(milestone.id, tag.name) as number)) + 1;
    const name = `${milestone.id}-v${next}`;
    const target = latest(history, milestone.sprints.map((sprintId) => lastCommitOf.get(sprintId))) ?? (history.mainLine[0] as string);
    const message = tagMessage(`Milestone ${milestone.id} completed`, milestone.traceId, closing, { milestoneId: milestone.id, sprints: milestone.sprints.join(' ') });
    plan.create.push({ name, target, message, recorded: tagged(milestone, name, target, closing, true) });
  }
  return plan;
}

/** `sprint-3` → `sprint-3-complete`; `mvp1` → `sprint-mvp1-complete`. */
export function sprintTagName(sprintId: string): string {
  return sprintId.startsWith('sprint-') ? `${sprintId}-complete` : `sprint-${sprintId}-complete`;
}

/** `n` of a tag `<milestoneId>-v<n>`, else undefined. */
function milestoneVersion(milestoneId: string, name: string): number | undefined {
  if (!name.startsWith(`${milestoneId}-v`)) return undefined;
  const rest = name.slice(milestoneId.length + 2);
  return /^[1-9]\d{0,8}$/.test(rest) ? Number(rest) : undefined;
}

function isTagOf(tag: GitTag, closing: string): boolean {
  return tag.message?.includes(`event: ${closing}`) === true;
}

function tagMessage(title: string, traceId: string, closing: string, scope: Record<string, string | undefined>): string {
  const lines = [title, '', `traceId: ${traceId}`];
  for (const [key, value] of Object.entries(scope)) if (value !== undefined && value !== '') lines.push(`${key}: ${value}`);
  lines.push(`event: ${closing}`, '', `[trace:${traceId}${scope['sprintId'] === undefined ? '' : ` sprint:${scope['sprintId']}`}]`);
  return lines.join('\n');
}

/** For each sprint named by a main-line commit's `sprint:` tag, its newest such commit. */
function lastMainLineCommits(history: GitHistory): Map<string, string> {
  const messages = new Map(history.commits.map((commit) => [commit.sha, commit.message]));
  const last = new Map<string, string>();
  for (const sha of history.mainLine) {
    const sprintId = traceTagsOf(messages.get(sha) ?? '').sprintId;
    if (sprintId !== undefined && !last.has(sprintId)) last.set(sprintId, sha);
  }
  return last;
}

/** Of some main-line commits, the newest. */
function latest(history: GitHistory, shas: readonly (string | undefined)[]): string | undefined {
  const wanted = new Set(shas.filter((sha) => sha !== undefined));
  return history.mainLine.find((sha) => wanted.has(sha));
}

function tagged(record: SprintRecord | MilestoneRecord, name: string, target: string, closing: string, ours: boolean): GitTraceEvent {
  const isSprint = 'features' in record;
  const streamId = isSprint ? sprintStream(record.id) : milestoneStream(record.id);
  const data: JsonObject = { source: gitSource, kind: 'git-tag', tag: name, commit: target, annotated: true, created: ours, closedBy: closing };
  if (!ours) data['reason'] = `tag ${name} already exists on ${target.slice(0, 12)} (not made for this closing): left alone, a tag is never moved`;
  const event: GitTraceEvent['event'] = {
    eventId: `git:tag:${ours ? 'created' : 'exists'}:${name}:${closing.replace(/\D+/g, '')}`,
    type: EventType.VersionTagged,
    traceId: record.traceId,
    correlationId: isSprint ? record.correlationId : record.traceId,
    causationId: null,
    data,
  };
  if (isSprint) {
    event.sprintId = record.id;
    if (record.milestoneId !== undefined) event.milestoneId = record.milestoneId;
  } else event.milestoneId = record.id;
  return { streamId, event };
}
