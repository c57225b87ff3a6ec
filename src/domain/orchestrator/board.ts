import { withMembers, type EveryMember } from '../evidence/read-json.js';
import type { ScopeEvidence } from '../evidence/scope-evidence.js';
import type { MachineInstance } from '../fsm/machine-instance.js';
import { createMachineRegistry, type MachineRegistry } from '../fsm/machine-registry.js';
import type { GateRef } from '../gates/gate-catalog.js';
import type { GateResult } from '../gates/gate-result.js';
import type { ConcurrencyPolicy } from '../planning/sprint.js';

/** One agent execution the orchestrator started for a sprint. */
export interface ExecutionRecord {
  executionId: string;
  /** The role the machine activated (`qa`), and the agent that answers to it, when one does. */
  role: string;
  agentId?: string | undefined;
  /** The sprint state that activated it. */
  state: string;
  /** Log position of the event whose reaction started it. */
  startedAt: number;
  /** The sprint's stay (transition count) it belongs to: a retry runs only in the same stay. */
  stay: number;
  /** 1 for the first run; each automatic retry of a failure adds one (the agent's `skillRetryCount` bounds it). */
  attempt: number;
  /** Position of the RetryRequested that started it, for a person's retry. */
  retryAt?: number | undefined;
  /** The features it works on, when narrower than the sprint's (`kairos retry --feature`). */
  features?: readonly string[] | undefined;
  /** Set once it ended: `completed`, or `failed` with the reason. */
  status: 'running' | 'completed' | 'failed';
  reason?: string | undefined;
}

/** Where a sprint stands on approval before it may start (assisted governance, `approvalRequired`). */
export type ApprovalStanding = 'not-required' | 'required' | 'requested' | 'granted' | 'rejected';

/** The last transition a machine instance took, for `fsm-state.json` and `kairos status`. */
export interface TransitionRecord {
  from: string;
  to: string;
  on: string;
  eventId: string;
  position: number;
  occurredAt: string;
}

/** A trace the sprint has run under: the first from its plan, a new one chained to it on each rewind. */
export interface TraceCheckpoint {
  traceId: string;
  /** The trace it replaced; absent for the first. */
  previousTraceId?: string;
  position: number;
  reason: string;
}

/** An event that reached a paused sprint: it is applied when the sprint resumes. */
export interface HeldEvent {
  eventId: string;
  type: string;
  position: number;
  occurredAt: string;
}

/** The orchestrator's view of one sprint: its plan, its machine instance, its work in flight. */
export interface SprintRecord {
  id: string;
  milestoneId?: string | undefined;
  moduleId?: string | undefined;
  features: readonly string[];
  /** Agent roles of its team, as written. */
  agents: readonly string[];
  gates: readonly GateRef[];
  concurrencyPolicy: ConcurrencyPolicy;
  approval: ApprovalStanding;
  approvalBy?: string | undefined;
  approvalReason?: string | undefined;
  instance: MachineInstance;
  traceId: string;
  correlationId: string;
  traces: readonly TraceCheckpoint[];
  lastTransition?: TransitionRecord | undefined;
  /** Calendar label of the event that entered the current state. */
  enteredAtTime: string;
  evidence: ScopeEvidence;
  /** Executions still running, and the latest ones that ended (at most a few). */
  running: readonly ExecutionRecord[];
  ended: readonly ExecutionRecord[];
  held: readonly HeldEvent[];
  /** GateFailed events so far: bounds how often the sprint goes back to work by itself. */
  gateFailures: number;
  /** SprintCheckpoint events so far. */
  checkpoints: number;
  /** What was decided during the current stay in a state (`SprintReadyToStart`, `SprintCheckpoint-1`), so each decision is appended once. */
  decided: readonly string[];
  /** The latest gate evaluation of the sprint, with the position it was made at. */
  lastGates?: readonly GateResult[] | undefined;
  lastGatesAt?: number | undefined;
}

/** A milestone's `triggers` item as recorded in its plan. */
export interface TriggerRecord {
  event: string;
  next: string;
  condition?: GateRef;
}

/** The orchestrator's view of one milestone. */
export interface MilestoneRecord {
  id: string;
  name?: string | undefined;
  /** Its place in the plan: milestones start in this order unless a trigger starts one. */
  order: number;
  gates: readonly GateRef[];
  triggers: readonly TriggerRecord[];
  versionTag?: string | undefined;
  requiredFeatures: readonly string[];
  parallelStreams: readonly string[];
  allowsDeferred: boolean;
  /** The trace of its plan: events the milestone emits carry it. */
  traceId: string;
  instance: MachineInstance;
  started: boolean;
  /** Sprints planned for it, in planning order. */
  sprints: readonly string[];
  evidence: ScopeEvidence;
  lastTransition?: TransitionRecord | undefined;
  enteredAtTime: string;
  lastGates?: readonly GateResult[] | undefined;
  lastGatesAt?: number | undefined;
  /** A frozen milestone's approval (governance `deploymentFreeze`): requested once its gates pass. */
  approval?: 'requested' | 'granted' | 'rejected' | undefined;
  approvalBy?: string | undefined;
  approvalReason?: string | undefined;
}

/**
 * Everything the orchestrator knows, folded from the log: sprints, milestones, and the machine
 * versions recorded. A plain value the runtime keeps; `react` never changes it (`applyReaction`
 * does).
 */
export interface Board {
  sprints: Map<string, SprintRecord>;
  milestones: Map<string, MilestoneRecord>;
  /** Milestone ids in plan order. */
  milestoneOrder: string[];
  /** The sprint each feature was last scoped to, for events that name only a feature. */
  featureSprints: Map<string, string>;
  machines: MachineRegistry;
  /** The last position folded. */
  position: number;
}

/** A board before any event. */
export function emptyBoard(): Board {
  return { sprints: new Map(), milestones: new Map(), milestoneOrder: [], featureSprints: new Map(), machines: createMachineRegistry(), position: 0 };
}

/*
 * Shape-stable copies. A spread copy (`{ ...record }`) of a record that was changed in place gets a
 * hidden class (V8 map) of its own: ten thousand sprints then mean ten thousand maps, and every read
 * of a record anywhere turns megamorphic. Each copy below is one object literal naming every member
 * (an absent one is `undefined`, which snapshots and JSON leave out), so all records of a kind
 * share one map. Change records through `withSprint` and `withMilestone`, never by spreading them.
 */

/** `record` with `changes` set: in place when the running fold batch owns it, else a shape-stable copy (see `withMembers`). */
export function withSprint(record: SprintRecord, changes: Partial<SprintRecord>): SprintRecord {
  return withMembers(record, changes, copySprintRecord);
}

/** `record` with `changes` set (see `withSprint`). */
export function withMilestone(record: MilestoneRecord, changes: Partial<MilestoneRecord>): MilestoneRecord {
  return withMembers(record, changes, copyMilestoneRecord);
}

/** A sprint record with every member, in the one order all sprint records have. */
export function copySprintRecord(record: SprintRecord): SprintRecord {
  const copy: EveryMember<SprintRecord> = {
    id: record.id,
    milestoneId: record.milestoneId,
    moduleId: record.moduleId,
    features: record.features,
    agents: record.agents,
    gates: record.gates,
    concurrencyPolicy: record.concurrencyPolicy,
    approval: record.approval,
    approvalBy: record.approvalBy,
    approvalReason: record.approvalReason,
    instance: record.instance,
    traceId: record.traceId,
    correlationId: record.correlationId,
    traces: record.traces,
    lastTransition: record.lastTransition,
    enteredAtTime: record.enteredAtTime,
    evidence: record.evidence,
    running: record.running,
    ended: record.ended,
    held: record.held,
    gateFailures: record.gateFailures,
    checkpoints: record.checkpoints,
    decided: record.decided,
    lastGates: record.lastGates,
    lastGatesAt: record.lastGatesAt,
  };
  return copy;
}

/** The execution of `executionId` among `executions` (a loop, not `find`: a closure would cost an allocation on every event). */
export function findExecution(executions: readonly ExecutionRecord[], executionId: string | undefined): ExecutionRecord | undefined {
  for (const execution of executions) if (execution.executionId === executionId) return execution;
  return undefined;
}

/** A shape-stable copy of `execution`, to set members of before anyone else sees it (records in a board are never changed in place). */
export function copyExecution(execution: ExecutionRecord): ExecutionRecord {
  const copy: EveryMember<ExecutionRecord> = {
    executionId: execution.executionId,
    role: execution.role,
    agentId: execution.agentId,
    state: execution.state,
    startedAt: execution.startedAt,
    stay: execution.stay,
    attempt: execution.attempt,
    retryAt: execution.retryAt,
    features: execution.features,
    status: execution.status,
    reason: execution.reason,
  };
  return copy;
}

/** A milestone record with every member, in the one order all milestone records have. */
export function copyMilestoneRecord(record: MilestoneRecord): MilestoneRecord {
  const copy: EveryMember<MilestoneRecord> = {
    id: record.id,
    name: record.name,
    order: record.order,
    gates: record.gates,
    triggers: record.triggers,
    versionTag: record.versionTag,
    requiredFeatures: record.requiredFeatures,
    parallelStreams: record.parallelStreams,
    allowsDeferred: record.allowsDeferred,
    traceId: record.traceId,
    instance: record.instance,
    started: record.started,
    sprints: record.sprints,
    evidence: record.evidence,
    lastTransition: record.lastTransition,
    enteredAtTime: record.enteredAtTime,
    lastGates: record.lastGates,
    lastGatesAt: record.lastGatesAt,
    approval: record.approval,
    approvalBy: record.approvalBy,
    approvalReason: record.approvalReason,
  };
  return copy;
}
