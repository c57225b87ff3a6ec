import type { JsonObject } from '../../domain/events/index.js';
import type { ExecutionRequest } from '../../domain/orchestrator/index.js';

/** An event an agent reports: a catalog type, its payload, and optionally the feature it is about. */
export interface AgentReport {
  type: string;
  data?: JsonObject;
  featureId?: string;
  skillId?: string;
  reason?: string;
}

/**
 * How an execution ended. `failed` carries the reason a person reads; `stderr` the end of what the
 * agent wrote there (command agents), for its execution record.
 */
export type AgentOutcome =
  | { status: 'completed'; reports: AgentReport[]; artifacts?: string[]; stderr?: string }
  | { status: 'failed'; reason: string; reports?: AgentReport[]; stderr?: string };

/** What an execution gets besides its request: the workspace it works in, and a cancel signal. */
export interface AgentRunContext {
  workspace: string;
  signal: AbortSignal;
  /** The version tags of its sprint and milestone (`withVersionTags`), for its execution context. */
  versionTags?: { versionTag?: string; milestoneVersionTag?: string };
}

/**
 * Runs agent executions: built-in, command or http executors (DESIGN.md section 8). Must not
 * throw for anything an agent does; a throw is recorded as a failed execution anyway.
 */
export interface AgentRunner {
  run(request: ExecutionRequest, context: AgentRunContext): Promise<AgentOutcome>;
}
