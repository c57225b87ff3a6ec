import type { Logger } from 'pino';
import type { StoredEvent } from '../../domain/events/index.js';
import type { Agent } from '../../domain/planning/index.js';
import { executionSpanId, w3cSpanId, w3cTraceId } from '../../domain/trace-context/index.js';
import type { ObservedTransition, TelemetrySink } from '../telemetry-sink.js';

/**
 * Logs what the orchestrator does (a `TelemetrySink`), each line bound to its trace context:
 * `traceId`, `sprintId`, `agentId`, `tenantId` as Kairos names them, and `trace_id`/`span_id` (the
 * W3C ids of its span) to join the exported trace. Transitions and executions at `info`, failures
 * at `warn`, the agent's executor (secrets redacted) at `debug`, every event at `trace`.
 */
export class LogSink implements TelemetrySink {
  private readonly agents: ReadonlyMap<string, Agent>;

  constructor(
    private readonly logger: Logger,
    agents: readonly Agent[] = [],
  ) {
    this.agents = new Map(agents.map((agent) => [agent.id, agent]));
  }

  onEvent(event: StoredEvent): void {
    const logger = this.logger;
    if (logger.isLevelEnabled('trace')) logger.trace({ ...contextOf(event), type: event.type, position: event.position, eventId: event.eventId }, `event ${event.type}`);
    switch (event.type) {
      case 'AgentExecutionStarted': {
        if (!logger.isLevelEnabled('info')) return;
        const executor = event.agentId === undefined ? undefined : this.agents.get(event.agentId)?.executor;
        const detail = executor !== undefined && logger.isLevelEnabled('debug') ? { executor: executor.type, ...executorFields(executor) } : {};
        logger.info({ ...contextOf(event), executionId: event.executionId, role: event.data['role'], ...detail }, `agent ${event.agentId ?? '?'} started for ${event.sprintId ?? '?'}`);
        return;
      }
      case 'AgentExecutionCompleted':
        if (logger.isLevelEnabled('info')) logger.info({ ...contextOf(event), executionId: event.executionId, skillId: event.skillId, durationMs: event.durationMs, status: event.data['status'] }, `agent ${event.agentId ?? '?'} completed in ${event.durationMs ?? 0} ms`);
        return;
      case 'AgentSkillFailed':
        logger.warn({ ...contextOf(event), executionId: event.executionId, skillId: event.skillId, durationMs: event.durationMs, reason: event.reason }, `agent ${event.agentId ?? '?'} failed: ${event.reason ?? 'no reason given'}`);
        return;
      case 'GateFailed':
        logger.warn({ ...contextOf(event), unmetGates: event.data['unmetGates'] }, `sprint ${event.sprintId ?? '?'}: gates failed`);
        return;
      case 'AgentScopeViolation':
        logger.warn({ ...contextOf(event), executionId: event.executionId, reason: event.reason }, `agent ${event.agentId ?? '?'} broke its scope: ${event.reason ?? ''}`);
        return;
      case 'ApprovalRequested':
        if (logger.isLevelEnabled('info')) logger.info(contextOf(event), `sprint ${event.sprintId ?? '?'} waits for an approval`);
        return;
      default:
        return;
    }
  }

  onTransition(transition: ObservedTransition, event: StoredEvent): void {
    if (!this.logger.isLevelEnabled('info')) return;
    const scope = transition.kind === 'sprint' ? { sprintId: transition.id } : { milestoneId: transition.id };
    this.logger.info(
      { traceId: transition.traceId, ...scope, tenantId: event.tenantId, trace_id: w3cTraceId(transition.traceId), span_id: w3cSpanId(transition.kind, transition.id, transition.traceId), from: transition.from, to: transition.to, on: transition.on },
      `${transition.kind} ${transition.id}: ${transition.from} → ${transition.to} on ${transition.on}`,
    );
  }
}

/** The trace context of an event's log line. */
function contextOf(event: StoredEvent): Record<string, string> {
  const context: Record<string, string> = { traceId: event.traceId, tenantId: event.tenantId, trace_id: w3cTraceId(event.traceId) };
  if (event.sprintId !== undefined) context['sprintId'] = event.sprintId;
  if (event.agentId !== undefined) context['agentId'] = event.agentId;
  if (event.executionId !== undefined) context['span_id'] = executionSpanId(event.traceId, event.executionId);
  else if (event.sprintId !== undefined) context['span_id'] = w3cSpanId('sprint', event.sprintId, event.traceId);
  return context;
}

/** How an agent runs, for a debug line: the logger's serializers redact `env`, `headers` and `url`. */
function executorFields(executor: Agent['executor']): Record<string, unknown> {
  switch (executor.type) {
    case 'builtin':
      return { name: executor.name };
    case 'command':
      return { command: executor.command, env: executor.env };
    case 'http':
      return { url: executor.url, headers: executor.headers };
    default: {
      const unreachable: never = executor;
      return unreachable;
    }
  }
}
