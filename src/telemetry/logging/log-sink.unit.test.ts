import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../domain/events/index.js';
import type { Agent } from '../../domain/planning/index.js';
import { executionSpanId, w3cTraceId } from '../../domain/trace-context/index.js';
import { createLogger, type LogLevel } from './create-logger.js';
import { LogSink } from './log-sink.js';
import { redactUrl } from './redact.js';

/** A logger writing JSON lines into an array. */
function capture(level: LogLevel): { lines: Record<string, unknown>[]; logger: ReturnType<typeof createLogger> } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ level, pretty: false, destination }) };
}

const agent: Agent = {
  id: 'backend-developer',
  roles: ['backend-developer'],
  skills: ['GenerateHandler'],
  executor: { type: 'command', command: ['node', 'agent.mjs'], env: { GITHUB_TOKEN: 'ghp_s3cr3t', DB_PASSWORD: 'hunter2', API_KEY: 'k-123', LANG: 'C' } },
  retry: { skillRetryCount: 0, backoffMs: 0, backoffFactor: 1 },
  concurrency: 1,
  extra: {},
};

function event(type: StoredEvent['type'], extra: Partial<StoredEvent> = {}): StoredEvent {
  return {
    eventId: `e-${type}`, type, streamId: 'agent-backend-developer', version: 1, position: 1, occurredAt: '2026-01-01T10:00:00.000Z',
    traceId: 'trace-abc123', correlationId: 'c', causationId: null, tenantId: 'acme', projectId: 'default',
    sprintId: 'sprint-1', agentId: 'backend-developer', executionId: 'exec:sprint-1#4:backend-developer', data: { role: 'backend-developer' }, prevHash: '', hash: '', ...extra,
  };
}

describe('LogSink', () => {
  it('logs an execution with its trace context, and its executor at debug with the secrets redacted', () => {
    const { lines, logger } = capture('debug');
    new LogSink(logger, [agent]).onEvent(event('AgentExecutionStarted'));
    const [line] = lines;
    expect(line).toMatchObject({
      level: 30,
      msg: 'agent backend-developer started for sprint-1',
      traceId: 'trace-abc123', sprintId: 'sprint-1', agentId: 'backend-developer', tenantId: 'acme',
      trace_id: w3cTraceId('trace-abc123'), span_id: executionSpanId('trace-abc123', 'exec:sprint-1#4:backend-developer'),
      executor: 'command',
      env: { GITHUB_TOKEN: '[Redacted]', DB_PASSWORD: '[Redacted]', API_KEY: '[Redacted]', LANG: 'C' },
    });
    expect(JSON.stringify(lines)).not.toMatch(/ghp_s3cr3t|hunter2|k-123/);
  });

  it('keeps to its level: failures at warn, nothing of a success', () => {
    const { lines, logger } = capture('warn');
    const sink = new LogSink(logger, [agent]);
    sink.onEvent(event('AgentExecutionStarted'));
    sink.onEvent(event('AgentExecutionCompleted', { durationMs: 12 }));
    sink.onEvent(event('AgentSkillFailed', { durationMs: 40, reason: 'exited with code 1' }));
    sink.onTransition({ kind: 'sprint', id: 'sprint-1', machine: 'sprint', from: 'Active', to: 'Verifying', on: 'SprintOutputsReady', eventId: 'x', occurredAt: '2026-01-01T10:00:00.000Z', traceId: 'trace-abc123' }, event('SprintOutputsReady'));
    expect(lines.map((line) => [line['level'], line['msg']])).toEqual([[40, 'agent backend-developer failed: exited with code 1']]);
  });

  it('redacts Authorization headers and secret query parameters of an http agent', () => {
    const { lines, logger } = capture('debug');
    const http: Agent = { ...agent, executor: { type: 'http', url: 'https://user:pw@agents.example/qa?token=abc&mode=fast', headers: { Authorization: 'Bearer t0k3n', Accept: 'application/json' } } };
    new LogSink(logger, [http]).onEvent(event('AgentExecutionStarted'));
    expect(lines[0]).toMatchObject({ headers: { Authorization: '[Redacted]', Accept: 'application/json' } });
    expect(JSON.stringify(lines)).not.toMatch(/t0k3n|abc&|:pw@/);
    expect(redactUrl('https://agents.example/qa?token=abc&mode=fast')).toBe('https://agents.example/qa?token=%5BRedacted%5D&mode=fast');
  });
});
