import type { EventScope, JsonObject, StoredEvent } from '../../events/envelope.js';
import type { EventType } from '../../events/event-type.js';
import { emptyBoard, type Board } from '../board.js';
import type { ExecutionRequest, Intent } from '../intent.js';
import type { OrchestratorConfig } from '../orchestrator-config.js';
import { react } from '../react.js';
import { applyReaction, machineFromConfig } from '../reaction.js';

/** An event an agent reports: its type, its payload, and the feature it is about. */
export interface AgentReport {
  type: EventType;
  data?: JsonObject;
  featureId?: string;
}

/** What a scripted agent does with an execution: report events, or fail with a reason. */
export type AgentScript = (request: ExecutionRequest) => AgentReport[] | { failed: string };

/**
 * The orchestrator's core driven over an in-memory log, for unit tests of `react`: events get
 * positions and stream versions as the store would give them (no hashes), intents are performed
 * at once, agents are scripts. Not a store: the real loop and store are tested in the runtime.
 */
export class Simulation {
  readonly board: Board = emptyBoard();
  readonly log: StoredEvent[] = [];
  readonly intents: Intent[] = [];
  readonly started: string[] = [];
  private readonly versions = new Map<string, number>();
  private readonly ids = new Set<string>();
  private handled = 0;

  constructor(
    readonly config: OrchestratorConfig,
    readonly agents: AgentScript = () => [],
  ) {}

  /** Appends an event as the store would (an id already stored is ignored); returns it, or undefined for a duplicate. */
  append(streamId: string, event: EventScope & { eventId: string; type: EventType; data: JsonObject; traceId?: string; correlationId?: string; causationId?: string | null }): StoredEvent | undefined {
    if (this.ids.has(event.eventId)) return undefined;
    this.ids.add(event.eventId);
    const version = (this.versions.get(streamId) ?? 0) + 1;
    this.versions.set(streamId, version);
    const stored: StoredEvent = {
      ...event,
      streamId,
      version,
      position: this.log.length + 1,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, this.log.length)).toISOString(),
      traceId: event.traceId ?? 'trace-outside',
      correlationId: event.correlationId ?? event.eventId,
      causationId: event.causationId ?? null,
      tenantId: 'default',
      projectId: 'default',
      prevHash: '',
      hash: '',
    };
    this.log.push(stored);
    return stored;
  }

  /** An outside event (a person, CI): appended with a fresh id. */
  emit(streamId: string, type: EventType, data: JsonObject, scope: EventScope = {}, traceId?: string): StoredEvent {
    const stored = this.append(streamId, { ...scope, eventId: `outside-${this.log.length + 1}`, type, data, ...(traceId === undefined ? {} : { traceId }) });
    return stored as StoredEvent;
  }

  /** Handles every event not yet handled, including the ones the reactions append, until none is left. */
  run(limit = 100_000): this {
    while (this.handled < this.log.length) {
      if (this.handled >= limit) throw new Error(`the simulation did not settle within ${limit} events`);
      const event = this.log[this.handled++] as StoredEvent;
      const reaction = react(this.board, event, this.config);
      applyReaction(this.board, reaction);
      for (const intent of reaction.intents) this.perform(intent);
    }
    return this;
  }

  private perform(intent: Intent): void {
    this.intents.push(intent);
    if (intent.kind === 'append') {
      this.append(intent.streamId, intent.event);
      return;
    }
    const request = intent.execution;
    const scope: EventScope = { sprintId: request.sprintId, executionId: request.executionId, agentId: request.agentId };
    if (request.milestoneId !== undefined) scope.milestoneId = request.milestoneId;
    const stream = `sprint-${request.sprintId}`;
    const trace = { traceId: request.traceId, correlationId: request.correlationId, causationId: request.causationId };
    if (this.append(`agent-${request.agentId}`, { ...scope, ...trace, eventId: `${request.executionId}:started`, type: 'AgentExecutionStarted', data: { role: request.role } }) === undefined) return;
    this.started.push(request.executionId);
    const outcome = this.agents(request);
    if ('failed' in outcome) {
      this.append(`agent-${request.agentId}`, { ...scope, ...trace, eventId: `${request.executionId}:failed`, type: 'AgentSkillFailed', reason: outcome.failed, data: { reason: outcome.failed } });
      return;
    }
    outcome.forEach((report, index) => {
      const reportScope: EventScope = report.featureId === undefined ? scope : { ...scope, featureId: report.featureId };
      this.append(stream, { ...reportScope, ...trace, eventId: `${request.executionId}:${index}`, type: report.type, data: report.data ?? {} });
    });
    this.append(`agent-${request.agentId}`, { ...scope, ...trace, eventId: `${request.executionId}:completed`, type: 'AgentExecutionCompleted', data: { status: 'Success' } });
  }

  /** The current state of a sprint's or milestone's machine, by name. */
  state(kind: 'sprint' | 'milestone', id: string): string | undefined {
    const record = kind === 'sprint' ? this.board.sprints.get(id) : this.board.milestones.get(id);
    if (record === undefined) return undefined;
    const machine = this.board.machines.forInstance(record.instance) ?? machineFromConfig(this.config, record.instance);
    return machine?.states[record.instance.state];
  }

  /** Types of the events in the log, in order, optionally of one stream. */
  types(streamId?: string): string[] {
    return this.log.filter((event) => streamId === undefined || event.streamId === streamId).map((event) => event.type);
  }
}
