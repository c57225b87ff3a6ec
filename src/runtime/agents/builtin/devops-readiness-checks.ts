import { connect } from 'node:net';
import { describeEndpoint, programOf, ReadinessKind, ReadinessStatus, type EnvironmentRequirement, type PipelineCommand, type ReadinessCheck, type ServiceEndpoint } from '../../../domain/devops/index.js';
import { stderrSummary } from '../command-agent.js';
import { findProgram, runBounded, showCommand } from './devops-readiness-process.js';

/** What every readiness check needs: the workspace, the environment it reads, the cancel signal, and a monotonic clock. */
export interface CheckContext {
  workspace: string;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  elapsed: () => number;
}

type Verdict = Pick<ReadinessCheck, 'status' | 'detail'>;

/** Times a check and shapes its line of pipeline-status.yaml. */
async function timed(name: string, kind: ReadinessCheck['kind'], context: CheckContext, check: () => Promise<Verdict>): Promise<ReadinessCheck> {
  const began = context.elapsed();
  const verdict = await check();
  return { name, kind, ...verdict, durationMs: Math.max(0, Math.round(context.elapsed() - began)) };
}

/** A pipeline command: its program is found; its probe, if any, exits 0 within the timeout. */
export function checkCommand(command: PipelineCommand, context: CheckContext): Promise<ReadinessCheck> {
  return timed(command.name, ReadinessKind.Command, context, async () => {
    const program = programOf(command.command);
    if (program === undefined) return { status: ReadinessStatus.Failed, detail: 'the command names no program' };
    const lookup = await findProgram(program, context.workspace, context.env);
    if (!lookup.found) return { status: lookup.missing ? ReadinessStatus.Missing : ReadinessStatus.Failed, detail: lookup.detail };
    const found = `${program} found${lookup.where === program ? '' : lookup.where.startsWith('a ') ? ` (${lookup.where})` : ` at ${lookup.where}`}`;
    if (command.probe === undefined) return { status: ReadinessStatus.Ok, detail: found };
    const probe = `probe \`${showCommand(command.probe)}\``;
    const result = await runBounded(command.probe, { cwd: context.workspace, timeoutMs: command.timeoutMs, signal: context.signal, env: context.env });
    switch (result.kind) {
      case 'exited': {
        if (result.code === 0) {
          const said = firstLine(result.stdout) ?? firstLine(result.stderr);
          return { status: ReadinessStatus.Ok, detail: `${found}; ${probe} exited 0${said === undefined ? '' : `: ${said}`}` };
        }
        const why = stderrSummary(result.stderr) || firstLine(result.stdout) || '';
        const how = result.code === null ? `was killed by ${String(result.signal)}` : `exited with code ${result.code}`;
        return { status: ReadinessStatus.Failed, detail: `${found}, but ${probe} ${how}${why === '' ? '' : `: ${why}`}` };
      }
      case 'timed-out':
        return { status: ReadinessStatus.Failed, detail: `${found}, but ${probe} did not finish within ${command.timeoutMs} ms (killed)` };
      case 'not-started':
        return { status: ReadinessStatus.Missing, detail: `${found}, but ${probe} could not start: ${result.message}` };
      case 'interrupted':
        return { status: ReadinessStatus.Failed, detail: `${probe} was interrupted` };
      default: {
        const unreachable: never = result;
        return unreachable;
      }
    }
  });
}

/** An environment variable is set and not empty. Its value is never recorded. */
export function checkEnvironment(requirement: EnvironmentRequirement, context: CheckContext): Promise<ReadinessCheck> {
  return timed(requirement.name, ReadinessKind.Environment, context, () => {
    const value = context.env[requirement.name];
    if (value === undefined) return Promise.resolve({ status: ReadinessStatus.Missing, detail: 'not set' });
    if (value === '') return Promise.resolve({ status: ReadinessStatus.Missing, detail: 'set but empty' });
    return Promise.resolve({ status: ReadinessStatus.Ok, detail: 'set' });
  });
}

/** A service answers: a TCP connection is accepted, or an HTTP GET answers below 500, within the timeout. */
export function checkService(service: ServiceEndpoint, context: CheckContext): Promise<ReadinessCheck> {
  return timed(service.name, ReadinessKind.Service, context, async () => {
    const verdict = service.kind === 'tcp' ? await connectTcp(service.host, service.port, service.timeoutMs, context.signal) : await getHttp(service.url, service.timeoutMs, context.signal);
    return { ...verdict, detail: `${describeEndpoint(service)}: ${verdict.detail}` };
  });
}

function connectTcp(host: string, port: number, timeoutMs: number, signal: AbortSignal): Promise<Verdict> {
  if (signal.aborted) return Promise.resolve({ status: ReadinessStatus.Failed, detail: 'interrupted' });
  return new Promise((done) => {
    const socket = connect({ host, port });
    let settled = false;
    const finish = (verdict: Verdict): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      done(verdict);
    };
    const timer = setTimeout(() => finish({ status: ReadinessStatus.Failed, detail: `no connection within ${timeoutMs} ms` }), timeoutMs);
    const onAbort = (): void => finish({ status: ReadinessStatus.Failed, detail: 'interrupted' });
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => finish({ status: ReadinessStatus.Ok, detail: 'accepts connections' }));
    socket.once('error', (error) => finish({ status: ReadinessStatus.Failed, detail: describeNetworkError(error) }));
  });
}

async function getHttp(url: string, timeoutMs: number, signal: AbortSignal): Promise<Verdict> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { method: 'GET', redirect: 'manual', signal: AbortSignal.any([signal, timeout]) });
    await response.body?.cancel().catch(() => undefined);
    if (response.status < 500) return { status: ReadinessStatus.Ok, detail: `answered ${response.status}` };
    return { status: ReadinessStatus.Failed, detail: `answered ${response.status}` };
  } catch (error) {
    if (signal.aborted) return { status: ReadinessStatus.Failed, detail: 'interrupted' };
    if (timeout.aborted) return { status: ReadinessStatus.Failed, detail: `no answer within ${timeoutMs} ms` };
    return { status: ReadinessStatus.Failed, detail: describeNetworkError(error) };
  }
}

/** A network error as a few words: `connection refused`, `host not found`, else its message. */
function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const code = (cause as { code?: unknown }).code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    case 'ECONNRESET':
      return 'connection reset';
    default:
      return cause instanceof Error ? cause.message : String(cause);
  }
}

function firstLine(text: string): string | undefined {
  const line = text.split('\n').map((part) => part.trim()).find((part) => part !== '');
  return line === undefined ? undefined : line.slice(0, 120);
}
