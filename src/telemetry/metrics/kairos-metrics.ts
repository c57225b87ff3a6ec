import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { StoredEvent } from '../../domain/events/index.js';
import { boardMachineOf, type Board, type MilestoneRecord, type OrchestratorConfig, type SprintRecord } from '../../domain/orchestrator/index.js';
import type { ObservedTransition, TelemetrySink } from '../telemetry-sink.js';
import { defaultLabelLimit, LabelLimiter } from './label-limiter.js';

export interface KairosMetricsOptions {
  /** The orchestrator config: names the states of the machines. */
  config: OrchestratorConfig;
  /** Distinct values kept per label before later ones become `other` (default 100). */
  labelLimit?: number;
  /** The registry to register in; default a new one (never prom-client's global registry). */
  registry?: Registry;
  /** How many log positions the orchestrator is behind the head, read at each scrape; the gauge is absent without it. */
  lag?: () => Promise<number>;
}

/** The labels of `agent_execution_duration_seconds`, as the spec names them. */
export const agentExecutionLabels = ['agentId', 'skillId', 'sprintId', 'featureId', 'moduleId', 'status'] as const;

/** Events whose `data.gates` is a gate evaluation (MilestoneReached repeats MilestoneCompleted's, so it is not one). */
const gateVerdictTypes: ReadonlySet<string> = new Set(['GateEvaluated', 'GateFailed', 'AllTraceChecksPassed', 'MilestoneCompleted', 'MilestoneBlocked']);

/** An automatic retry's execution id ends in `@<attempt>` (see `derivedExecutionId`). */
const automaticRetry = /@\d+$/;

/**
 * Kairos' Prometheus metrics, projected from the events the orchestrator handles (a `TelemetrySink`):
 * events by type, transitions, sprints and milestones by state, gate evaluations, retries,
 * deferrals, approvals, agent execution durations (`agent_execution_duration_seconds`, labelled as
 * the spec names it), the orchestrator's lag and the store's append latency. Label values are
 * bounded by a `LabelLimiter`.
 */
export class KairosMetrics implements TelemetrySink {
  readonly registry: Registry;
  private readonly limiter: LabelLimiter;
  private readonly config: OrchestratorConfig;
  private board: Board | undefined;
  /** The one feature of an execution started for one feature, until it ends. */
  private readonly executionFeatures = new Map<string, string>();
  /** Subjects (sprint or milestone ids) with an approval requested and not yet decided. */
  private readonly awaitingApproval = new Set<string>();

  private readonly events: Counter<'type'>;
  private readonly transitions: Counter<'machine' | 'from' | 'to'>;
  private readonly gates: Counter<'gate' | 'result'>;
  private readonly retries: Counter<'kind'>;
  private readonly deferrals: Counter;
  private readonly approvalsRequested: Counter;
  private readonly approvalsDecided: Counter<'result'>;
  private readonly executionSeconds: Histogram<(typeof agentExecutionLabels)[number]>;
  private readonly appendSeconds: Histogram;

  constructor(options: KairosMetricsOptions) {
    const registry = options.registry ?? new Registry();
    this.registry = registry;
    this.config = options.config;
    const registers = [registry];
    const overflow = new Counter({ name: 'kairos_metric_label_overflow_total', help: 'Label values recorded as "other" because their label reached its limit of distinct values.', labelNames: ['label'], registers });
    this.limiter = new LabelLimiter(options.labelLimit ?? defaultLabelLimit, (label) => overflow.inc({ label }));
    this.events = new Counter({ name: 'kairos_events_total', help: 'Events in the log, by type.', labelNames: ['type'], registers });
    this.transitions = new Counter({ name: 'kairos_state_transitions_total', help: 'State machine transitions of sprints and milestones.', labelNames: ['machine', 'from', 'to'], registers });
    this.gates = new Counter({ name: 'kairos_gate_evaluations_total', help: 'Gate evaluations, by gate and result (passed or failed).', labelNames: ['gate', 'result'], registers });
    this.retries = new Counter({ name: 'kairos_retries_total', help: 'Retries: agent (an automatic re-run of a failed execution), person (kairos retry), sprint (a sprint sent back to RetryPhase).', labelNames: ['kind'], registers });
    this.deferrals = new Counter({ name: 'kairos_feature_deferrals_total', help: 'Features deferred (FeatureDeferred).', registers });
    this.approvalsRequested = new Counter({ name: 'kairos_approvals_requested_total', help: 'Approvals asked of a person (ApprovalRequested).', registers });
    this.approvalsDecided = new Counter({ name: 'kairos_approvals_decided_total', help: 'Approvals a person decided, by result (granted or rejected).', labelNames: ['result'], registers });
    this.executionSeconds = new Histogram({
      name: 'agent_execution_duration_seconds',
      help: 'Agent skill executions: how long each ran (durationMs of AgentExecutionCompleted and AgentSkillFailed).',
      labelNames: agentExecutionLabels,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800],
      registers,
    });
    this.appendSeconds = new Histogram({
      name: 'kairos_store_append_duration_seconds',
      help: 'Event store appends: time until the events were durable.',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    // prom-client calls a gauge's `collect` at each scrape: these read the board then, not on every event.
    const awaiting = this.awaitingApproval;
    const waiting: Gauge = new Gauge({ name: 'kairos_approvals_waiting', help: 'Approvals requested and not yet decided.', registers, collect: () => waiting.set(awaiting.size) });
    this.stateGauge('kairos_sprints', 'Sprints by the state they are in.', (board) => board.sprints.values());
    this.stateGauge('kairos_milestones', 'Milestones by the state they are in.', (board) => board.milestones.values());
    const lag = options.lag;
    if (lag !== undefined) {
      const gauge: Gauge = new Gauge({
        name: 'kairos_orchestrator_lag_positions',
        help: 'Log positions appended and not yet handled by the orchestrator (head minus last handled).',
        registers,
        collect: async () => gauge.set(Math.max(0, await lag())),
      });
    }
  }

  onEvent(event: StoredEvent, board: Board): void {
    this.board = board;
    this.events.inc({ type: this.limiter.value('type', event.type) });
    switch (event.type) {
      case 'AgentExecutionStarted':
        this.executionStarted(event);
        break;
      case 'AgentExecutionCompleted':
      case 'AgentSkillFailed':
        this.executionEnded(event);
        break;
      case 'RetryRequested':
        this.retries.inc({ kind: 'person' });
        break;
      case 'RetryPhaseEntered':
        this.retries.inc({ kind: 'sprint' });
        break;
      case 'FeatureDeferred':
        this.deferrals.inc();
        break;
      case 'ApprovalRequested':
        this.approvalsRequested.inc();
        this.awaitingApproval.add(approvalSubject(event));
        break;
      case 'ApprovalGranted':
      case 'ApprovalRejected':
        this.approvalsDecided.inc({ result: event.type === 'ApprovalGranted' ? 'granted' : 'rejected' });
        this.awaitingApproval.delete(approvalSubject(event));
        break;
      default:
        break;
    }
    if (gateVerdictTypes.has(event.type)) this.gateVerdicts(event);
  }

  onTransition(transition: ObservedTransition): void {
    this.transitions.inc(this.limiter.labels({ machine: transition.machine, from: transition.from, to: transition.to }));
  }

  /** Records one store append's latency (see `timedEventStore`). */
  observeAppend(seconds: number): void {
    this.appendSeconds.observe(seconds);
  }

  private executionStarted(event: StoredEvent): void {
    if (event.executionId !== undefined && automaticRetry.test(event.executionId)) this.retries.inc({ kind: 'agent' });
    const features = event.data['features'];
    if (event.executionId !== undefined && Array.isArray(features) && features.length === 1 && typeof features[0] === 'string') {
      this.executionFeatures.set(event.executionId, features[0]);
    }
  }

  private executionEnded(event: StoredEvent): void {
    const featureId = event.featureId ?? (event.executionId === undefined ? undefined : this.executionFeatures.get(event.executionId)) ?? '';
    if (event.executionId !== undefined) this.executionFeatures.delete(event.executionId);
    const status = typeof event.data['status'] === 'string' ? event.data['status'] : event.type === 'AgentSkillFailed' ? 'Failed' : 'Success';
    const labels = this.limiter.labels({
      agentId: event.agentId ?? '',
      skillId: event.skillId ?? '',
      sprintId: event.sprintId ?? '',
      featureId,
      moduleId: event.moduleId ?? '',
      status,
    });
    this.executionSeconds.observe(labels, (event.durationMs ?? 0) / 1000);
  }

  private gateVerdicts(event: StoredEvent): void {
    const gates = event.data['gates'];
    if (Array.isArray(gates)) {
      for (const item of gates) {
        if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
        const { gate, passed } = item;
        if (typeof gate === 'string' && typeof passed === 'boolean') this.gates.inc(this.limiter.labels({ gate, result: passed ? 'passed' : 'failed' }));
      }
      return;
    }
    const { gate, passed } = event.data;
    if (typeof gate === 'string') this.gates.inc(this.limiter.labels({ gate, result: passed === false || event.type === 'GateFailed' ? 'failed' : 'passed' }));
  }

  /** A gauge of records by state, counted from the board at each scrape. */
  private stateGauge(name: string, help: string, records: (board: Board) => Iterable<SprintRecord | MilestoneRecord>): void {
    const gauge: Gauge<'state'> = new Gauge({
      name,
      help,
      labelNames: ['state'],
      registers: [this.registry],
      collect: () => {
        gauge.reset();
        const board = this.board;
        if (board === undefined) return;
        for (const record of records(board)) {
          const machine = boardMachineOf(board, this.config, record.instance);
          gauge.inc({ state: this.limiter.value('state', machine?.states[record.instance.state] ?? `#${record.instance.state}`) });
        }
      },
    });
  }
}

/** What an approval is about: its sprint, else its milestone. */
function approvalSubject(event: StoredEvent): string {
  const subject = event.sprintId ?? event.milestoneId ?? event.data['sprintId'];
  return typeof subject === 'string' ? subject : event.streamId;
}
