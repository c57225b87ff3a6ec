import type { JsonObject, JsonValue, StoredEvent } from '../events/envelope.js';
import { EventType } from '../events/event-type.js';
import type { ScopeRule, ScopeViolation } from './scope-check.js';

/**
 * One execution in `metadata/<moduleId>/execution-metadata.json`: the spec's record (traceId,
 * sprintId, featureId, agentId, skillId, status, durationMs, output) and what a person diagnosing
 * it needs besides. A pure function of the log (see {@link executionRecord}), so the file is a view
 * that a re-run rebuilds byte for byte.
 */
export interface ExecutionMetadataRecord extends JsonObject {
  executionId: string;
  agentId: string;
  /** See `executionSkill`; absent when the agent has several skills and its reports name none. */
  skillId?: string;
  traceId: string;
  sprintId: string;
  milestoneId?: string;
  moduleId?: string;
  /** The feature, when the execution covers exactly one; `features` lists them all. */
  featureId?: string;
  features: string[];
  role: string;
  status: 'Success' | 'Failed';
  /** Why it failed. */
  reason?: string;
  /** The scope rules the output broke (it was rejected whole). */
  scopeViolations?: ScopeViolation[];
  durationMs: number;
  /** The first file produced (the spec's `output`); `artifacts` lists them all. */
  output?: string;
  artifacts: string[];
  /** 1 for the first run; 2 and on for the automatic retries of a failure. */
  attempt: number;
  /** Calendar labels of the run: when it ended (the event's `occurredAt`) less its duration, and when it ended. */
  startedAt: string;
  endedAt: string;
  /** Log position of the event that ended it: the logical time the records are ordered by. */
  logPosition: number;
  /** The last 4 KiB of the agent's stderr (command agents), when it wrote any. */
  stderr?: string;
}

/** What the event that ended an execution does not say but its request (and AgentExecutionStarted) does. */
export interface ExecutionFacts {
  role: string;
  features: readonly string[];
  attempt: number;
}

/**
 * The record of an execution, from the event that ended it (AgentExecutionCompleted or
 * AgentSkillFailed, as stored) and the AgentScopeViolation that rejected its output, if one did.
 */
export function executionRecord(facts: ExecutionFacts, ended: StoredEvent, violation?: StoredEvent): ExecutionMetadataRecord {
  const data = ended.data;
  const artifacts = strings(data['artifacts']);
  const features = [...facts.features];
  const status = ended.type === EventType.AgentExecutionCompleted ? 'Success' : 'Failed';
  const stderr = data['stderr'];
  // Members in a fixed order (the spec's first): the same log gives the same bytes.
  return {
    executionId: ended.executionId ?? ended.eventId,
    agentId: ended.agentId ?? '',
    ...(ended.skillId === undefined ? {} : { skillId: ended.skillId }),
    traceId: ended.traceId,
    sprintId: ended.sprintId ?? '',
    ...(ended.milestoneId === undefined ? {} : { milestoneId: ended.milestoneId }),
    ...(ended.moduleId === undefined ? {} : { moduleId: ended.moduleId }),
    ...(features.length === 1 ? { featureId: features[0] as string } : {}),
    features,
    role: facts.role,
    status,
    ...(status === 'Failed' && ended.reason !== undefined ? { reason: ended.reason } : {}),
    ...(violation === undefined ? {} : { scopeViolations: violationsOf(violation.data) }),
    durationMs: ended.durationMs ?? 0,
    ...(artifacts.length === 0 ? {} : { output: artifacts[0] as string }),
    artifacts,
    attempt: facts.attempt,
    startedAt: startOf(ended),
    endedAt: ended.occurredAt,
    logPosition: ended.position,
    ...(typeof stderr === 'string' && stderr !== '' ? { stderr } : {}),
  };
}

/** When the run started, in calendar time: its end less its duration (the label itself when it cannot be read). */
function startOf(ended: StoredEvent): string {
  const end = Date.parse(ended.occurredAt);
  return Number.isNaN(end) ? ended.occurredAt : new Date(end - (ended.durationMs ?? 0)).toISOString();
}

/** The violations an AgentScopeViolation's data lists. */
function violationsOf(data: JsonObject): ScopeViolation[] {
  const list = data['violations'];
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: JsonValue) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return [];
    const { rule, detail } = item;
    return typeof rule === 'string' && typeof detail === 'string' ? [{ rule: rule as ScopeRule, detail }] : [];
  });
}

function strings(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
