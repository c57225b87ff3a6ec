import { own } from '../evidence/read-json.js';
import type { FeatureEvidence, WorkEvidence } from '../evidence/scope-evidence.js';
import type { Board, SprintRecord } from '../orchestrator/board.js';
import { gitTagPrefix } from './feature-trace.js';

/** What a reference can name. */
export const TraceKind = {
  Milestone: 'milestone',
  Sprint: 'sprint',
  Feature: 'feature',
  File: 'file',
  Commit: 'commit',
  Test: 'test',
  Image: 'image',
  PullRequest: 'pull-request',
  Tag: 'tag',
  Agent: 'agent',
  Skill: 'skill',
  Execution: 'execution',
  Trace: 'trace',
  Event: 'event',
} as const;
export type TraceKind = (typeof TraceKind)[keyof typeof TraceKind];

/** One thing a sprint's evidence holds, with where it came from. */
export interface TraceFact {
  kind: TraceKind;
  id: string;
  sprintId: string;
  milestoneId?: string;
  /** Absent for the sprint's work that names no feature. */
  featureId?: string;
  agentId?: string;
  skillId?: string;
  executionId?: string;
}

/**
 * Every file, commit, test, image, pull request and git tag the board's sprints hold, each with
 * its sprint, milestone, feature, and (for files) the agent, skill and execution that produced it.
 */
export function traceFacts(board: Board): TraceFact[] {
  const facts: TraceFact[] = [];
  for (const sprint of board.sprints.values()) {
    const { evidence } = sprint;
    for (const featureId of Object.keys(evidence.features).sort()) addWork(facts, sprint, own(evidence.features, featureId) as FeatureEvidence, featureId);
    addWork(facts, sprint, evidence.unattributed, undefined);
    for (const id of Object.keys(evidence.pullRequests).sort()) {
      const pullRequest = evidence.pullRequests[id];
      if (pullRequest === undefined) continue;
      facts.push(fact(sprint, TraceKind.PullRequest, id, pullRequest.featureId));
      if (pullRequest.branch !== undefined && pullRequest.branch !== id) facts.push(fact(sprint, TraceKind.PullRequest, pullRequest.branch, pullRequest.featureId));
      for (const commit of pullRequest.commits) facts.push(fact(sprint, TraceKind.Commit, commit.sha, pullRequest.featureId));
    }
  }
  return facts;
}

function addWork(facts: TraceFact[], sprint: SprintRecord, work: WorkEvidence, featureId: string | undefined): void {
  for (const file of work.files) {
    const item = fact(sprint, TraceKind.File, file.path, featureId);
    if (file.agentId !== undefined) item.agentId = file.agentId;
    if (file.skillId !== undefined) item.skillId = file.skillId;
    if (file.executionId !== undefined) item.executionId = file.executionId;
    facts.push(item);
  }
  for (const commit of work.commits) {
    facts.push(fact(sprint, TraceKind.Commit, commit.sha, featureId));
    for (const tag of commit.tags) if (tag.startsWith(gitTagPrefix)) facts.push(fact(sprint, TraceKind.Tag, tag.slice(gitTagPrefix.length), featureId));
  }
  for (const test of work.testFiles) facts.push(fact(sprint, TraceKind.Test, test, featureId));
  for (const run of work.testRuns) if (run.suite !== '') facts.push(fact(sprint, TraceKind.Test, run.suite, featureId));
  for (const image of work.imageIds) facts.push(fact(sprint, TraceKind.Image, image, featureId));
}

function fact(sprint: SprintRecord, kind: TraceKind, id: string, featureId: string | undefined): TraceFact {
  const item: TraceFact = { kind, id, sprintId: sprint.id };
  if (sprint.milestoneId !== undefined) item.milestoneId = sprint.milestoneId;
  if (featureId !== undefined) item.featureId = featureId;
  return item;
}
