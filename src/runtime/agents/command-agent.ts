import { spawn } from 'node:child_process';
import { forgetAgentProcess, noteAgentProcess } from './agent-processes.js';
import { resolve } from 'node:path';
import type { JsonObject } from '../../domain/events/index.js';
import type { ExecutionRequest } from '../../domain/orchestrator/index.js';
import type { CommandExecutor } from '../../domain/planning/index.js';
import { executionTraceparent } from '../../domain/trace-context/index.js';
import type { AgentOutcome, AgentReport, AgentRunContext } from './agent-runner.js';

const maxOutputBytes = 4 * 1024 * 1024;
/** The end of an agent's stderr kept for its execution record (characters; about 4 KiB). */
const stderrKept = 4096;

/**
 * The execution context an agent receives (the spec's fields, plus where and what it runs, and the
 * W3C `traceparent` under which its own spans join the execution's span, and the version tags of its
 * sprint and milestone when the runner knows them).
 */
export function executionContext(request: ExecutionRequest, workspace: string, versionTags: AgentRunContext['versionTags'] = {}): JsonObject {
  return {
    sprintId: request.sprintId,
    milestoneId: request.milestoneId ?? null,
    moduleId: request.moduleId ?? null,
    currentState: request.currentState,
    traceId: request.traceId,
    phase: request.phase ?? null,
    allowedSkills: [...request.allowedSkills],
    features: [...request.features],
    featureId: request.features.length === 1 ? (request.features[0] as string) : null,
    agentId: request.agentId,
    role: request.role,
    executionId: request.executionId,
    traceparent: executionTraceparent(request.traceId, request.executionId),
    workspace,
    versionTag: versionTags.versionTag ?? null,
    milestoneVersionTag: versionTags.milestoneVersionTag ?? null,
  };
}

/** The context as `KAIROS_*` environment variables (lists comma-separated). */
function contextEnvironment(context: JsonObject): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(context)) {
    if (value === null) continue;
    const name = `KAIROS_${key.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`;
    env[name] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return env;
}

/**
 * Runs a `command` agent: the execution context as JSON on stdin and in `KAIROS_*` variables; each
 * stdout line a JSON report (`{"type": "SprintTestPlanReady", "data": {…}, "featureId": "…"}`);
 * exit code 0 is success. A timeout kills the whole process group. Never throws for what the
 * program does: garbage, a crash or a hang is a failed outcome with the reason. The last 4 KiB of
 * its stderr come back as the outcome's `stderr`.
 */
export function runCommandAgent(executor: CommandExecutor, request: ExecutionRequest, context: AgentRunContext, timeoutMs: number | undefined): Promise<AgentOutcome> {
  const input = executionContext(request, context.workspace, context.versionTags);
  const shell = typeof executor.command === 'string';
  const [program, ...args] = typeof executor.command === 'string' ? [executor.command] : executor.command;
  return new Promise((done) => {
    const child = spawn(program as string, args, {
      cwd: resolve(context.workspace, executor.cwd ?? '.'),
      // TRACEPARENT: the environment carrier OpenTelemetry SDKs read, so the agent's spans join the trace.
      env: { ...process.env, ...executor.env, ...contextEnvironment(input), TRACEPARENT: String(input['traceparent']) },
      shell,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // Noted so that a Kairos killed meanwhile finds and kills the group on restart (reapOrphanAgents).
    const noted = child.pid === undefined ? Promise.resolve() : noteAgentProcess(context.workspace, request.executionId, child.pid, String(program));
    let stdout = '';
    let stderr = '';
    let overflow = false;
    let timedOut = false;
    const killGroup = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    const onAbort = (): void => killGroup();
    context.signal.addEventListener('abort', onAbort, { once: true });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length + chunk.length > maxOutputBytes) {
        overflow = true;
        killGroup();
        return;
      }
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-stderrKept);
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(`${JSON.stringify(input)}\n`);
    const finish = (outcome: AgentOutcome): void => {
      if (timer !== undefined) clearTimeout(timer);
      context.signal.removeEventListener('abort', onAbort);
      void noted.then(() => forgetAgentProcess(context.workspace, request.executionId));
      done(stderr === '' ? outcome : { ...outcome, stderr });
    };
    child.on('error', (error) => finish({ status: 'failed', reason: `could not start ${String(program)}: ${error.message}` }));
    child.on('close', (code, signal) => {
      const tail = stderrSummary(stderr);
      if (timedOut) return finish({ status: 'failed', reason: `timed out after ${String(timeoutMs)} ms` });
      if (overflow) return finish({ status: 'failed', reason: `wrote more than ${maxOutputBytes} bytes to stdout` });
      if (context.signal.aborted) return finish({ status: 'failed', reason: 'interrupted' });
      const parsed = parseReports(stdout);
      if (typeof parsed === 'string') return finish({ status: 'failed', reason: parsed });
      if (code !== 0) return finish({ status: 'failed', reason: `exited with ${code === null ? `signal ${String(signal)}` : `code ${code}`}${tail === '' ? '' : `: ${tail}`}`, reports: parsed });
      return finish({ status: 'completed', reports: parsed });
    });
  });
}

/**
 * The line of an agent's stderr that says what went wrong: the first that names an error (a Node
 * or Python stack starts with it), else the last non-empty one.
 */
export function stderrSummary(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !/^Node\.js v\d/.test(line));
  const named = lines.find((line) => /^(\w*Error|Exception|error)\b|^\w+(Error|Exception): /.test(line));
  return (named ?? lines.at(-1) ?? '').slice(0, 500);
}

/** The reports on an agent's stdout, one JSON object per line; or what is wrong with them. */
export function parseReports(stdout: string): AgentReport[] | string {
  const reports: AgentReport[] = [];
  const lines = stdout.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] as string).trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return `stdout line ${index + 1} is not JSON: ${line.slice(0, 120)}`;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return `stdout line ${index + 1} is not a JSON object`;
    const record = value as Record<string, unknown>;
    const type = record['type'] ?? record['event'];
    if (typeof type !== 'string') return `stdout line ${index + 1} has no "type" (the event type to report)`;
    const report: AgentReport = { type };
    const data = record['data'];
    if (data !== undefined) {
      if (data === null || typeof data !== 'object' || Array.isArray(data)) return `stdout line ${index + 1}: "data" must be a JSON object`;
      report.data = data as JsonObject;
    }
    for (const key of ['featureId', 'skillId', 'reason'] as const) {
      const text = record[key];
      if (typeof text === 'string') report[key] = text;
    }
    reports.push(report);
  }
  return reports;
}
