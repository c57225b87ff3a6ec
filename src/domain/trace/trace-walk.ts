import type { StoredEvent } from '../events/envelope.js';
import type { Board } from '../orchestrator/board.js';
import { sprintTraceMatrix, type TraceMatrixFeature } from './sprint-trace-matrix.js';
import { TraceKind, type TraceFact } from './trace-facts.js';

/** What a reference resolved to. */
export interface TraceTarget {
  kind: TraceKind;
  id: string;
}

/** An event on the way, as `kairos trace` lists it. */
export interface TraceEventLine {
  position: number;
  eventId: string;
  type: string;
  streamId: string;
  occurredAt: string;
  traceId: string;
  sprintId?: string;
  featureId?: string;
  agentId?: string;
  skillId?: string;
  executionId?: string;
}

/** One sprint's share of what a milestone, sprint or feature produced: its trace matrix rows. */
export interface TraceProduced {
  sprintId: string;
  milestoneId?: string;
  features: TraceMatrixFeature[];
}

/** Where a target comes from (back) and what it produced (forward), with the events on the way. */
export interface TraceWalk {
  kind: TraceKind;
  id: string;
  milestones: string[];
  sprints: string[];
  features: string[];
  agents: string[];
  skills: string[];
  executions: string[];
  traceIds: string[];
  /** Forward from a milestone, sprint or feature: the trace matrix rows. */
  produced: TraceProduced[];
  /** Forward from an agent, skill or execution: the files it produced. */
  files: string[];
  /** The events on the way, oldest first (the latest `maxEvents`). */
  events: TraceEventLine[];
  /** How many events there were in all. */
  eventCount: number;
}

/** Events a walk lists at most. */
export const maxTraceEvents = 200;

/** The kinds found in evidence facts, matched by id. */
const factKinds: readonly TraceKind[] = [TraceKind.File, TraceKind.Commit, TraceKind.Test, TraceKind.Image, TraceKind.PullRequest, TraceKind.Tag];

/**
 * What `ref` names: a milestone, sprint or feature id; a produced file (its path, or the end of
 * it after a `/`); a commit (its sha or a prefix of at least 4 hex digits, `git:` allowed); a test,
 * an image, a pull request or branch, a git tag; an agent, skill, execution, trace or event id.
 * Every match is returned (one name can be a feature and a test suite).
 */
export function findTraceTargets(board: Board, facts: readonly TraceFact[], events: readonly StoredEvent[], ref: string): TraceTarget[] {
  const found = new Map<string, TraceTarget>();
  const add = (kind: TraceKind, id: string): void => void found.set(`${kind}\u0000${id}`, { kind, id });
  if (board.milestones.has(ref)) add(TraceKind.Milestone, ref);
  if (board.sprints.has(ref)) add(TraceKind.Sprint, ref);
  if (board.featureSprints.has(ref) || facts.some((fact) => fact.featureId === ref) || [...board.sprints.values()].some((sprint) => sprint.features.includes(ref))) add(TraceKind.Feature, ref);
  for (const fact of facts) if (factKinds.includes(fact.kind) && fact.id === ref) add(fact.kind, fact.id);
  if (![...found.values()].some((target) => target.kind === TraceKind.File)) {
    for (const fact of facts) if (fact.kind === TraceKind.File && fact.id.endsWith(`/${ref}`)) add(TraceKind.File, fact.id);
  }
  const sha = ref.startsWith('git:') ? ref.slice('git:'.length) : ref;
  if (/^[0-9a-f]{4,64}$/i.test(sha)) for (const fact of facts) if (fact.kind === TraceKind.Commit && fact.id.toLowerCase().startsWith(sha.toLowerCase())) add(TraceKind.Commit, fact.id);
  for (const fact of facts) {
    if (fact.agentId === ref) add(TraceKind.Agent, ref);
    if (fact.skillId === ref) add(TraceKind.Skill, ref);
    if (fact.executionId === ref) add(TraceKind.Execution, ref);
  }
  for (const sprint of board.sprints.values()) if (sprint.traces.some((trace) => trace.traceId === ref) || sprint.traceId === ref) add(TraceKind.Trace, ref);
  for (const event of events) {
    if (event.agentId === ref) add(TraceKind.Agent, ref);
    if (event.skillId === ref) add(TraceKind.Skill, ref);
    if (event.executionId === ref) add(TraceKind.Execution, ref);
    if (event.traceId === ref) add(TraceKind.Trace, ref);
    if (event.eventId === ref) add(TraceKind.Event, ref);
  }
  return [...found.values()];
}

/** Every name `kairos trace` could resolve, for suggestions when a reference names nothing. */
export function traceNames(board: Board, facts: readonly TraceFact[]): string[] {
  const names = new Set<string>([...board.milestones.keys(), ...board.sprints.keys(), ...board.featureSprints.keys()]);
  for (const fact of facts) {
    names.add(fact.id);
    if (fact.kind === TraceKind.File) names.add(fact.id.slice(fact.id.lastIndexOf('/') + 1));
    for (const anchor of [fact.agentId, fact.skillId, fact.executionId]) if (anchor !== undefined) names.add(anchor);
  }
  return [...names].sort();
}

/** Walks back from a target to its features, sprints, milestones, agents, skills, executions and traces, and forward to what it produced. */
export function walkTrace(board: Board, facts: readonly TraceFact[], events: readonly StoredEvent[], target: TraceTarget): TraceWalk {
  const back = { milestones: new Set<string>(), sprints: new Set<string>(), features: new Set<string>(), agents: new Set<string>(), skills: new Set<string>(), executions: new Set<string>(), traceIds: new Set<string>() };
  const addSprint = (sprintId: string | undefined): void => {
    if (sprintId === undefined) return;
    const sprint = board.sprints.get(sprintId);
    back.sprints.add(sprintId);
    if (sprint?.milestoneId !== undefined) back.milestones.add(sprint.milestoneId);
  };
  const matching = facts.filter((fact) => matchesFact(fact, target));
  for (const fact of matching) {
    addSprint(fact.sprintId);
    if (fact.featureId !== undefined) back.features.add(fact.featureId);
    if (fact.agentId !== undefined) back.agents.add(fact.agentId);
    if (fact.skillId !== undefined) back.skills.add(fact.skillId);
    if (fact.executionId !== undefined) back.executions.add(fact.executionId);
  }
  if (target.kind === TraceKind.Sprint) addSprint(target.id);
  if (target.kind === TraceKind.Milestone) back.milestones.add(target.id);
  if (target.kind === TraceKind.Feature) {
    back.features.add(target.id);
    for (const sprint of board.sprints.values()) if (sprint.features.includes(target.id)) addSprint(sprint.id);
    addSprint(board.featureSprints.get(target.id));
  }
  // The start and end of the executions that produced it are on the way too.
  const executions = new Set(back.executions);
  const all = events.filter((event) => isOnTheWay(event, target) || (event.executionId !== undefined && executions.has(event.executionId) && event.type.startsWith('Agent')));
  for (const event of all) {
    if (target.kind !== TraceKind.Milestone) addSprint(event.sprintId);
    if (event.milestoneId !== undefined) back.milestones.add(event.milestoneId);
    if (event.featureId !== undefined && (target.kind !== TraceKind.Sprint && target.kind !== TraceKind.Milestone)) back.features.add(event.featureId);
    if (event.agentId !== undefined) back.agents.add(event.agentId);
    if (event.skillId !== undefined) back.skills.add(event.skillId);
    if (event.executionId !== undefined && target.kind !== TraceKind.Sprint && target.kind !== TraceKind.Milestone) back.executions.add(event.executionId);
  }
  for (const sprintId of back.sprints) {
    const sprint = board.sprints.get(sprintId);
    if (sprint !== undefined) for (const trace of sprint.traces) back.traceIds.add(trace.traceId);
  }
  if (target.kind === TraceKind.Trace) back.traceIds.add(target.id);
  const walk: TraceWalk = {
    kind: target.kind,
    id: target.id,
    milestones: sorted(back.milestones),
    sprints: sorted(back.sprints),
    features: sorted(back.features),
    agents: sorted(back.agents),
    skills: sorted(back.skills),
    executions: sorted(back.executions),
    traceIds: sorted(back.traceIds),
    produced: produced(board, target),
    files: producedFiles(facts, target),
    events: all.slice(-maxTraceEvents).map(eventLine),
    eventCount: all.length,
  };
  return walk;
}

function matchesFact(fact: TraceFact, target: TraceTarget): boolean {
  switch (target.kind) {
    case TraceKind.Feature:
      return fact.featureId === target.id;
    case TraceKind.Agent:
      return fact.agentId === target.id;
    case TraceKind.Skill:
      return fact.skillId === target.id;
    case TraceKind.Execution:
      return fact.executionId === target.id;
    case TraceKind.Milestone:
    case TraceKind.Sprint:
    case TraceKind.Trace:
    case TraceKind.Event:
      return false;
    case TraceKind.File:
    case TraceKind.Commit:
    case TraceKind.Test:
    case TraceKind.Image:
    case TraceKind.PullRequest:
    case TraceKind.Tag:
      return fact.kind === target.kind && fact.id === target.id;
    default: {
      const unreachable: never = target.kind;
      return unreachable;
    }
  }
}

function isOnTheWay(event: StoredEvent, target: TraceTarget): boolean {
  switch (target.kind) {
    case TraceKind.Milestone:
      return event.milestoneId === target.id;
    case TraceKind.Sprint:
      return event.sprintId === target.id;
    case TraceKind.Feature:
      return event.featureId === target.id;
    case TraceKind.Agent:
      return event.agentId === target.id;
    case TraceKind.Skill:
      return event.skillId === target.id;
    case TraceKind.Execution:
      return event.executionId === target.id;
    case TraceKind.Trace:
      return event.traceId === target.id;
    case TraceKind.Event:
      return event.eventId === target.id || event.causationId === target.id;
    case TraceKind.File:
    case TraceKind.Commit:
    case TraceKind.Test:
    case TraceKind.Image:
    case TraceKind.PullRequest:
    case TraceKind.Tag:
      return mentions(event.data, target.id);
    default: {
      const unreachable: never = target.kind;
      return unreachable;
    }
  }
}

/** Whether a payload holds `text` as one of its strings (a commit's message counts: it may name the sha). */
function mentions(value: unknown, text: string): boolean {
  if (typeof value === 'string') return value === text;
  if (Array.isArray(value)) return value.some((item) => mentions(item, text));
  if (value !== null && typeof value === 'object') return Object.values(value).some((item) => mentions(item, text));
  return false;
}

function produced(board: Board, target: TraceTarget): TraceProduced[] {
  const sprintIds =
    target.kind === TraceKind.Sprint
      ? [target.id]
      : target.kind === TraceKind.Milestone
        ? (board.milestones.get(target.id)?.sprints ?? [])
        : target.kind === TraceKind.Feature
          ? [...board.sprints.values()].filter((sprint) => sprint.features.includes(target.id) || Object.hasOwn(sprint.evidence.features, target.id)).map((sprint) => sprint.id)
          : [];
  const out: TraceProduced[] = [];
  for (const sprintId of sprintIds) {
    const sprint = board.sprints.get(sprintId);
    if (sprint === undefined) continue;
    const matrix = sprintTraceMatrix(sprint);
    const features = target.kind === TraceKind.Feature ? matrix.features.filter((row) => row.id === target.id) : matrix.features;
    const share: TraceProduced = { sprintId, features };
    if (sprint.milestoneId !== undefined) share.milestoneId = sprint.milestoneId;
    out.push(share);
  }
  return out;
}

function producedFiles(facts: readonly TraceFact[], target: TraceTarget): string[] {
  if (target.kind !== TraceKind.Agent && target.kind !== TraceKind.Skill && target.kind !== TraceKind.Execution) return [];
  return sorted(new Set(facts.filter((fact) => fact.kind === TraceKind.File && matchesFact(fact, target)).map((fact) => fact.id)));
}

function eventLine(event: StoredEvent): TraceEventLine {
  const line: TraceEventLine = { position: event.position, eventId: event.eventId, type: event.type, streamId: event.streamId, occurredAt: event.occurredAt, traceId: event.traceId };
  for (const key of ['sprintId', 'featureId', 'agentId', 'skillId', 'executionId'] as const) {
    const value = event[key];
    if (value !== undefined) line[key] = value;
  }
  return line;
}

function sorted(values: Iterable<string>): string[] {
  return [...values].sort();
}
