import type { EventScope, JsonObject } from '../events/envelope.js';
import type { EventType } from '../events/event-type.js';

/**
 * An event the orchestrator decided to append. Its id is derived from what caused it (the
 * stream, the transition count, the event type), so deciding it again after a crash appends nothing.
 * The shell stamps `occurredAt`.
 */
export interface AppendIntent {
  kind: 'append';
  streamId: string;
  event: EventScope & {
    eventId: string;
    type: EventType;
    traceId: string;
    correlationId: string;
    causationId: string;
    data: JsonObject;
  };
}

/** What an agent execution receives: the spec's execution context, plus where it runs. */
export interface ExecutionRequest {
  executionId: string;
  agentId: string;
  role: string;
  sprintId: string;
  milestoneId?: string;
  moduleId?: string;
  /** The sprint state that activated the agent. */
  currentState: string;
  phase?: string;
  traceId: string;
  correlationId: string;
  /** The event whose reaction started it. */
  causationId: string;
  /** The sprint's features in scope. */
  features: readonly string[];
  allowedSkills: readonly string[];
  /** 2 and on for automatic retries of a failure; absent for a first run. */
  attempt?: number;
  /** Milliseconds to wait before running: the agent's backoff, for a retry. */
  delayMs?: number;
  /** The sprint's `concurrencyPolicy` is `isolated`: the execution shares its agent with no other. */
  isolated?: boolean;
}

/**
 * Run an agent. The shell appends AgentExecutionStarted (id derived from the executionId) and runs
 * the agent only if that append was new: a second decision after a crash starts nothing.
 */
export interface RunIntent {
  kind: 'run';
  execution: ExecutionRequest;
}

/** What `react` asks the shell to do. */
export type Intent = AppendIntent | RunIntent;
