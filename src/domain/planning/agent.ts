import type { JsonObject } from '../events/envelope.js';

/** How an agent is run (DESIGN.md section 8). */
export const ExecutorType = { Builtin: 'builtin', Command: 'command', Http: 'http' } as const;
export type ExecutorType = (typeof ExecutorType)[keyof typeof ExecutorType];

/** TypeScript shipped with Kairos, by name. */
export interface BuiltinExecutor {
  type: 'builtin';
  name: string;
}

/**
 * A program run with the execution context on stdin. A string is run through the shell; a list is
 * run as an argument vector without one. `cwd` is relative to the workspace.
 */
export interface CommandExecutor {
  type: 'command';
  command: string | string[];
  cwd?: string;
  env: Record<string, string>;
}

/** An endpoint the execution context is POSTed to as a CloudEvent. */
export interface HttpExecutor {
  type: 'http';
  url: string;
  headers: Record<string, string>;
}

/** How an agent runs: one of the three executor types. */
export type AgentExecutor = BuiltinExecutor | CommandExecutor | HttpExecutor;

/** How a failed skill is retried: `skillRetryCount` more attempts, waiting `backoffMs × backoffFactor^n`. */
export interface RetryPolicy {
  skillRetryCount: number;
  backoffMs: number;
  backoffFactor: number;
}

/** The retry policy of an agent that names none. */
export const defaultRetryPolicy: RetryPolicy = { skillRetryCount: 0, backoffMs: 1000, backoffFactor: 2 };

/** One agent of `agents.yaml`. */
export interface Agent {
  id: string;
  name?: string;
  /** Roles the agent plays (`backend-developer`); its id counts as one too. */
  roles: string[];
  /** Skills it may run (`GenerateHandler`); anything else is a scope violation. */
  skills: string[];
  executor: AgentExecutor;
  timeoutMs?: number;
  retry: RetryPolicy;
  /** Most executions it runs at once. */
  concurrency: number;
  extra: JsonObject;
}
