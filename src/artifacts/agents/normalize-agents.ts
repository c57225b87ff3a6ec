import { defaultRetryPolicy, type Agent, type AgentExecutor } from '../../domain/planning/agent.js';
import { extraKeys } from '../normalize/extra-keys.js';
import { omitUndefined } from '../normalize/omit-undefined.js';
import { unique } from '../normalize/unique.js';
import { agentSchema, type AgentEntry, type AgentsFile } from './agents-schema.js';

/** Turns a validated `agents.yaml` into agents, with retry and concurrency defaults filled in. */
export function normalizeAgents(file: AgentsFile): Agent[] {
  return file.agents.map(normalizeAgent);
}

/** One validated agent entry as an `Agent`. */
export function normalizeAgent(raw: AgentEntry): Agent {
  return {
    id: raw.id,
    ...omitUndefined({ name: raw.name, timeoutMs: raw.timeoutMs }),
    roles: unique(raw.roles),
    skills: unique(raw.skills),
    executor: normalizeExecutor(raw.executor),
    retry: {
      skillRetryCount: raw.retry?.skillRetryCount ?? defaultRetryPolicy.skillRetryCount,
      backoffMs: raw.retry?.backoffMs ?? defaultRetryPolicy.backoffMs,
      backoffFactor: raw.retry?.backoffFactor ?? defaultRetryPolicy.backoffFactor,
    },
    concurrency: raw.concurrency ?? 1,
    extra: extraKeys(raw, agentSchema.shape),
  };
}

function normalizeExecutor(raw: AgentEntry['executor']): AgentExecutor {
  switch (raw.type) {
    case 'builtin':
      return { type: 'builtin', name: raw.name };
    case 'command':
      return { type: 'command', command: raw.command, ...omitUndefined({ cwd: raw.cwd }), env: raw.env ?? {} };
    case 'http':
      return { type: 'http', url: raw.url, headers: raw.headers ?? {} };
    default: {
      const unreachable: never = raw;
      return unreachable;
    }
  }
}
