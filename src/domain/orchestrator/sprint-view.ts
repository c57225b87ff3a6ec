import type { JsonObject } from '../events/envelope.js';
import { evaluateGates } from '../gates/evaluate-gate.js';
import type { GateResult } from '../gates/gate-result.js';
import { FeatureStatus } from '../planning/feature.js';
import { EventType } from '../events/event-type.js';
import type { CompiledMachine } from '../fsm/compiled-machine.js';
import type { Board, ExecutionRecord, MilestoneRecord, SprintRecord } from './board.js';
import { gateSummary } from './gate-summary.js';
import type { OrchestratorConfig } from './orchestrator-config.js';
import { boardMachineOf } from './reaction.js';
import { waitsOn } from '../fsm/waiting-states.js';
import { approvalWait } from './approval-wait.js';

/**
 * `execution/<sprintId>/fsm-state.json`: where a sprint stands and why it is waiting. A pure
 * function of the board, so a replay of the log rebuilds it byte for byte.
 */
export interface SprintStateView extends JsonObject {
  sprintId: string;
  milestoneId: string | null;
  machine: string;
  machineVersion: string;
  state: string;
  previousState: string | null;
  terminal: boolean;
  /** When the current state was entered: log position (logical time) and calendar label. */
  enteredAt: { position: number; occurredAt: string };
  lastTransition: JsonObject | null;
  traceId: string;
  /** Every trace the sprint ran under, oldest first (a rewind starts a new one). */
  traceCheckpoints: JsonObject[];
  features: { total: number; completed: string[]; deferred: string[]; open: string[] };
  /** Why it is not moving: each a sentence. */
  waitingFor: string[];
  unmetConditions: JsonObject[];
  approval: JsonObject;
  runningAgents: JsonObject[];
  failedAgents: JsonObject[];
  heldEvents: string[];
  retries: { gateFailures: number; budget: number };
  checkpoints: number;
}

/** The state view of one sprint. */
export function sprintStateView(board: Board, sprint: SprintRecord, config: OrchestratorConfig): SprintStateView {
  const machine = boardMachineOf(board, config, sprint.instance);
  const stateName = (index: number): string => machine?.states[index] ?? `#${index}`;
  const terminal = machine?.terminal[sprint.instance.state] === true;
  const features = featureProgress(sprint);
  // Gates decide on verification (or after it failed); before, their state is no reason to wait
  // (and they are not evaluated for the view).
  const verdictPending = machine !== undefined && (waitsOn(machine, sprint.instance.state, EventType.AllTraceChecksPassed) || sprint.gateFailures > 0);
  const unmet = verdictPending ? unmetGates(sprint) : [];
  const milestone = sprint.milestoneId === undefined ? undefined : board.milestones.get(sprint.milestoneId);
  return {
    sprintId: sprint.id,
    milestoneId: sprint.milestoneId ?? null,
    machine: sprint.instance.machine,
    machineVersion: sprint.instance.version,
    state: stateName(sprint.instance.state),
    previousState: sprint.instance.previous < 0 ? null : stateName(sprint.instance.previous),
    terminal,
    enteredAt: { position: sprint.instance.enteredAt, occurredAt: sprint.enteredAtTime },
    lastTransition: sprint.lastTransition === undefined ? null : { ...sprint.lastTransition },
    traceId: sprint.traceId,
    traceCheckpoints: sprint.traces.map((trace) => ({ ...trace })),
    features,
    waitingFor: terminal ? [] : withFallback(waitingFor(sprint, stateName(sprint.instance.state), features, unmet, milestone, config, machine !== undefined && waitsOn(machine, sprint.instance.state, EventType.SprintOutputsReady), verdictPending), machine, sprint.instance.state),
    unmetConditions: verdictPending ? gateSummary(unmet) : [],
    approval: { status: sprint.approval, ...(sprint.approvalBy === undefined ? {} : { by: sprint.approvalBy }), ...(sprint.approvalReason === undefined ? {} : { reason: sprint.approvalReason }) },
    runningAgents: sprint.running.map((execution) => ({ executionId: execution.executionId, role: execution.role, agentId: execution.agentId ?? null, since: execution.startedAt })),
    failedAgents: unrecoveredFailures(sprint, stateName(sprint.instance.state)).map((execution) => ({ executionId: execution.executionId, role: execution.role, agentId: execution.agentId ?? null, attempts: execution.attempt, reason: execution.reason ?? 'failed' })),
    heldEvents: sprint.held.map((event) => event.type),
    retries: { gateFailures: sprint.gateFailures, budget: config.maxGateRetries },
    checkpoints: sprint.checkpoints,
  };
}

function featureProgress(sprint: SprintRecord): SprintStateView['features'] {
  const completed: string[] = [];
  const deferred: string[] = [];
  const open: string[] = [];
  for (const featureId of sprint.features) {
    const status = sprint.evidence.features[featureId]?.status;
    if (status === FeatureStatus.Completed) completed.push(featureId);
    else if (status === FeatureStatus.Deferred) deferred.push(featureId);
    else open.push(featureId);
  }
  return { total: sprint.features.length, completed, deferred, open };
}

/** The sprint's gates as of now (the last verdict while verifying; otherwise evaluated on the spot). */
function unmetGates(sprint: SprintRecord): GateResult[] {
  const results = sprint.lastGates ?? evaluateGates(sprint.gates, sprint.evidence).results;
  return results.filter((result) => !result.passed);
}

function waitingFor(
  sprint: SprintRecord,
  state: string,
  features: SprintStateView['features'],
  unmet: readonly GateResult[],
  milestone: MilestoneRecord | undefined,
  config: OrchestratorConfig,
  waitsOnOutputs: boolean,
  waitsOnVerdict: boolean,
): string[] {
  const reasons: string[] = [];
  if (sprint.held.length > 0 || state === 'Paused') reasons.push('a person to resume it (kairos resume)');
  for (const execution of unrecoveredFailures(sprint, state)) {
    const tries = execution.attempt > 1 ? ` after ${execution.attempt} attempts` : '';
    reasons.push(`a person: ${execution.agentId ?? execution.role} (${execution.role}) failed${tries}: ${execution.reason ?? 'no reason given'} (kairos retry, kairos override)`);
  }
  for (const execution of sprint.running) reasons.push(`agent ${execution.agentId ?? execution.role} (${execution.role}) to finish ${execution.executionId}`);
  const approval = approvalWait(sprint.id, sprint.approval, config, sprint.approvalReason);
  if (approval !== undefined) reasons.push(approval);
  if (milestone !== undefined && !milestone.started) reasons.push(`milestone ${milestone.id} to start`);
  if (waitsOnOutputs && features.open.length > 0) reasons.push(`features to complete: ${features.open.join(', ')}`);
  if (sprint.gateFailures > config.maxGateRetries && state === 'RetryPhase') reasons.push('a person: the retry budget is spent (ManualApproval, kairos retry or kairos abort)');
  if (waitsOnVerdict) for (const result of unmet) reasons.push(`gate ${result.written}: ${result.reason}`);
  return reasons;
}

/** Controls a person may always use: not what a state waits for. */
const controls: ReadonlySet<string> = new Set([EventType.SprintPaused, EventType.SprintResumed, EventType.SprintAborted, EventType.SprintRewound]);

/**
 * When nothing in particular holds the sprint up, what would move it on: the events its state has
 * transitions for (an agent's report, or a person's `kairos emit`).
 */
function withFallback(reasons: string[], machine: CompiledMachine | undefined, state: number): string[] {
  if (reasons.length > 0 || machine === undefined) return reasons;
  const events = machine.events.filter((event) => !controls.has(event) && waitsOn(machine, state, event));
  if (events.length === 0) return reasons;
  return [`one of ${events.join(', ')} (from an agent, or kairos emit)`];
}

/**
 * Failed executions of the current state whose role has not run successfully since and is not
 * running again (a failure in a state the sprint has left no longer holds it up).
 */
export function unrecoveredFailures(sprint: SprintRecord, state: string): ExecutionRecord[] {
  const last = new Map<string, ExecutionRecord>();
  for (const execution of sprint.ended) if (execution.state === state) last.set(execution.role, execution);
  return [...last.values()].filter((execution) => execution.status === 'failed' && !sprint.running.some((running) => running.role === execution.role));
}
