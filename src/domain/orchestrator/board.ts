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
  agentId?: string;
  /** The sprint state that activated it. */
  state: string;
  /** Log position of the event whose reaction started it. */
  startedAt: number;
  /** The sprint's stay (transition count) it belongs to: a retry runs only in the same stay. */
  stay: number;
  /** 1 for the first run; each automatic retry of a failure adds one (the agent's `skillRetryCount` bounds it). */
  attempt: number;
  /** Position of the RetryRequested that started it, for a person's retry. */
  retryAt?: number;
  /** The features it works on, when narrower than the sprint's (`kairos retry --feature`). */
  features?: readonly string[];
  /** Set once it ended: `completed`, or `failed` with the reason. */
  status: 'running' | 'completed' | 'failed';
  reason?: string;
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
  milestoneId?: string;
  moduleId?: string;
  features: readonly string[];
  /** Agent roles of its team, as written. */
  agents: readonly string[];
  gates: readonly GateRef[];
  concurrencyPolicy: ConcurrencyPolicy;
  approval: ApprovalStanding;
  approvalBy?: string;
  approvalReason?: string;
  instance: MachineInstance;
  traceId: string;
  correlationId: string;
  traces: readonly TraceCheckpoint[];
  lastTransition?: TransitionRecord;
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
  /** Ids of events decided during the current stay in a state (so one decision is appended once). */
  decided: readonly string[];
  /** The latest gate evaluation of the sprint, with the position it was made at. */
  lastGates?: readonly GateResult[];
  lastGatesAt?: number;
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
  name?: string;
  /** Its place in the plan: milestones start in this order unless a trigger starts one. */
  order: number;
  gates: readonly GateRef[];
  triggers: readonly TriggerRecord[];
  versionTag?: string;
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
  lastTransition?: TransitionRecord;
  enteredAtTime: string;
  lastGates?: readonly GateResult[];
  lastGatesAt?: number;
  /** A frozen milestone's approval (governance `deploymentFreeze`): requested once its gates pass. */
  approval?: 'requested' | 'granted' | 'rejected';
  approvalBy?: string;
  approvalReason?: string;
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
