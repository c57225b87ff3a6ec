import { RefusedError } from '../../domain/errors/index.js';
import type { AgentOutcome } from './agent-runner.js';
import { parseAgentResult } from './http-agent-result.js';

/** Why a result callback was not taken; the server maps each to one HTTP status. */
export const CallbackProblem = {
  /** No execution of that id awaits a callback here (never did, or it was answered in its response): 404. */
  UnknownExecution: 'unknown-execution',
  /** Its result was already taken: 409. */
  AlreadyResolved: 'already-resolved',
  /** It stopped waiting (timed out or interrupted) and was recorded as failed: 410. */
  Expired: 'expired',
  /** The body is not a result; the execution still waits for a valid one: 422. */
  InvalidBody: 'invalid-body',
} as const;
export type CallbackProblem = (typeof CallbackProblem)[keyof typeof CallbackProblem];

/** What `resolve` did with a callback. */
export type CallbackResolution = { accepted: true } | { accepted: false; problem: CallbackProblem; message: string };

/** An execution waiting for its result callback. */
export interface ExpectedCallback {
  /** The outcome the callback carries; settles only when a valid result arrives. */
  readonly outcome: Promise<AgentOutcome>;
  /**
   * Stops waiting. `answered`: the endpoint's own response carried the result, so a later callback
   * is unknown. `expired`: the execution failed waiting, so a later callback hears it came too late.
   */
  end(how: 'answered' | 'expired'): void;
}

/**
 * The executions that wait for an http agent's result callback (`POST
 * /api/executions/{executionId}/result`, hosted by the server), in this process.
 */
export interface HttpCallbacks {
  /** Starts waiting for `executionId`'s result. Throws a RefusedError if it is already awaited. */
  expect(executionId: string): ExpectedCallback;
  /** Hands a callback's body (parsed JSON) to the execution that awaits it, if it is a valid result. */
  resolve(executionId: string, body: unknown): CallbackResolution;
  /** Whether `executionId` waits for its callback now. */
  isAwaiting(executionId: string): boolean;
  /** The absolute URL an agent posts `executionId`'s result to, when the public base URL is known. */
  callbackUrl(executionId: string): string | undefined;
}

/** Options of `createHttpCallbacks`. */
export interface HttpCallbacksOptions {
  /** The base URL the server is reached at by agents (`https://kairos.example.com`); sent to agents as `callbackurl`. */
  publicUrl?: string;
  /** How many ended executions are remembered, to answer a late or repeated callback precisely. */
  remembered?: number;
}

/** The path of `executionId`'s result callback on the server. */
export function callbackPath(executionId: string): string {
  return `/api/executions/${encodeURIComponent(executionId)}/result`;
}

/**
 * Creates the registry of executions that wait for a result callback. The runner registers an
 * execution before its request goes out, so a callback that overtakes the 202 response is not lost.
 * @example
 * const callbacks = createHttpCallbacks({ publicUrl: 'http://127.0.0.1:7070' });
 * // server: POST /api/executions/:executionId/result
 * const taken = callbacks.resolve(executionId, await request.json()); // 404 / 409 / 410 / 422 when not accepted
 */
export function createHttpCallbacks(options: HttpCallbacksOptions = {}): HttpCallbacks {
  const remembered = options.remembered ?? 1024;
  const publicUrl = options.publicUrl?.replace(/\/+$/, '');
  const waiting = new Map<string, (outcome: AgentOutcome) => void>();
  const ended = new Map<string, 'resolved' | 'expired'>();
  const remember = (executionId: string, how: 'resolved' | 'expired'): void => {
    ended.delete(executionId);
    ended.set(executionId, how);
    for (const oldest of ended.keys()) {
      if (ended.size <= remembered) break;
      ended.delete(oldest);
    }
  };
  return {
    expect(executionId) {
      if (waiting.has(executionId)) throw new RefusedError(`execution ${executionId} already waits for its result callback`);
      ended.delete(executionId);
      let settle: (outcome: AgentOutcome) => void = () => undefined;
      const outcome = new Promise<AgentOutcome>((done) => {
        settle = done;
      });
      waiting.set(executionId, settle);
      return {
        outcome,
        end(how) {
          if (waiting.get(executionId) !== settle) return;
          waiting.delete(executionId);
          if (how === 'expired') remember(executionId, 'expired');
        },
      };
    },
    resolve(executionId, body) {
      const settle = waiting.get(executionId);
      if (settle === undefined) {
        const how = ended.get(executionId);
        if (how === 'resolved') return { accepted: false, problem: CallbackProblem.AlreadyResolved, message: `execution ${executionId} already has its result` };
        if (how === 'expired') return { accepted: false, problem: CallbackProblem.Expired, message: `execution ${executionId} no longer waits for its result: it was recorded as failed` };
        return { accepted: false, problem: CallbackProblem.UnknownExecution, message: `no execution ${executionId} waits for a result callback` };
      }
      const outcome = parseAgentResult(body);
      if (typeof outcome === 'string') return { accepted: false, problem: CallbackProblem.InvalidBody, message: outcome };
      waiting.delete(executionId);
      remember(executionId, 'resolved');
      settle(outcome);
      return { accepted: true };
    },
    isAwaiting(executionId) {
      return waiting.has(executionId);
    },
    callbackUrl(executionId) {
      return publicUrl === undefined ? undefined : `${publicUrl}${callbackPath(executionId)}`;
    },
  };
}
