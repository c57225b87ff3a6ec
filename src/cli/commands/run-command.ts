import { Command, Option } from 'commander';
import type { Board } from '../../domain/orchestrator/index.js';
import { builtinAgents, declaredPlanOf, lockWorkspace, Orchestrator, recordPlan, systemClock, withVersionTags, workspaceAgentRunner } from '../../runtime/index.js';
import { contextOf } from '../cli-context.js';
import { gitTraceHook } from '../orchestration/git-trace-hook.js';
import { formatRunSummary } from '../orchestration/format-board.js';
import { withSession } from '../orchestration/open-session.js';
import { planningChanged, resumePlanningIfNeeded } from '../orchestration/planning-resumer.js';
import { releaseSteps } from '../orchestration/release-steps.js';
import { openRunTelemetry } from '../orchestration/run-telemetry.js';
import { serveWorkspace, type ServedWorkspace, type ServeOptions } from '../orchestration/serve-workspace.js';
import { UsageError } from '../../domain/errors/index.js';

interface RunOptions {
  until?: 'idle';
  /** `kairos serve`: also serve the workspace over HTTP while following it. */
  serve?: ServeOptions;
}

/**
 * `kairos run`: records what changed in the plan, then drives every open sprint and milestone.
 * With `--until idle` it exits once nothing more can happen without outside input; without, it
 * keeps following the log until interrupted. Safe to kill at any moment and run again.
 */
export function runCommand(): Command {
  return new Command('run')
    .description('record plan changes, then drive every open sprint and milestone (agents, gates, triggers)')
    .addOption(new Option('--until <when>', 'stop when nothing more can happen without outside input').choices(['idle']))
    .action((options: RunOptions, command: Command) => driveWorkspace(options, command));
}

/** `kairos serve`: what `kairos run` does while following, and the workspace served over HTTP (`/metrics`, `/healthz`). */
export function serveCommand(): Command {
  return new Command('serve')
    .description('drive the workspace as kairos run does, following the log, and serve it over HTTP: /metrics (Prometheus), /healthz')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port)', '4600')
    .action((options: { host: string; port: string }, command: Command) => {
      const port = Number(options.port);
      if (!Number.isSafeInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port ${options.port}: expected a port number from 0 to 65535`);
      return driveWorkspace({ serve: { host: options.host, port } }, command);
    });
}

async function driveWorkspace(options: RunOptions, command: Command): Promise<void> {
  const context = contextOf(command);
  await withSession(context, async (session) => {
    const lock = await lockWorkspace(context.workspace);
    const stop = new AbortController();
    const interrupt = (): void => stop.abort();
    process.once('SIGINT', interrupt);
    process.once('SIGTERM', interrupt);
    let served: ServedWorkspace | undefined;
    try {
      // First: a wrong OTEL_* setting is refused before anything is recorded.
      const telemetry = openRunTelemetry(command, session);
      const plan = await recordPlan(session.store, await declaredPlanOf(session.workspace, Object.values(session.machines)), systemClock);
      if (plan.appended.length > 0) context.stdout(`recorded ${plan.appended.length} plan change(s) (trace ${plan.traceId})`);
      const releases = await releaseSteps(context, session, stop.signal);
      // The lag /metrics reports: the head minus what the orchestrator had handled at its last idle.
      let handled = 0;
      served = options.serve === undefined ? undefined : await serveWorkspace(session, options.serve, () => handled);
      if (served !== undefined) context.stdout(`serving ${served.server.url} (/metrics, /healthz)`);
      const orchestrator: Orchestrator = new Orchestrator({
        store: served?.store ?? session.store,
        config: session.config,
        runner: withVersionTags(workspaceAgentRunner(session.workspace.agents, builtinAgents), () => orchestrator.board, releases.versioning),
        workspace: context.workspace,
        clock: systemClock,
        onStep: crashAfter(process.env.KAIROS_CRASH_AFTER_STEPS),
        observer: telemetry.observer,
        onIdle: idleSteps(await gitTraceHook(context, session.store), releases.atIdle),
      });
      await orchestrator.resume();
      handled = orchestrator.board.position;
      for (;;) {
        const summary = await orchestrator.runUntilIdle();
        handled = orchestrator.board.position;
        for (const line of formatRunSummary(summary, orchestrator.board, session.config)) context.stdout(line);
        // A sprint closed, or the plan changed: planning resumes, and what it recorded is acted on.
        const planningRead = Date.now();
        if (!stop.signal.aborted && (await resumePlanningIfNeeded(context, session))) continue;
        if (options.until === 'idle' || stop.signal.aborted) break;
        context.stdout('idle: following the log and planning/ for changes (Ctrl-C to stop)');
        if (!(await nextEventOrPlanningChange(session.store, context.workspace, orchestrator.board.position + 1, stop.signal, planningRead))) break;
      }
      await orchestrator.stop();
      await telemetry.close();
    } finally {
      await served?.server.close();
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
      await lock.release();
    }
  });
}

/** Waits for an event at `from` or later, or an edit of a planning file; false when interrupted first. */
async function nextEventOrPlanningChange(store: Parameters<typeof nextEvent>[0], workspace: string, from: number, signal: AbortSignal, planningRead: number): Promise<boolean> {
  const local = new AbortController();
  const forward = (): void => local.abort();
  signal.addEventListener('abort', forward, { once: true });
  try {
    await Promise.race([nextEvent(store, from, local.signal), planningChanged(workspace, local.signal, planningRead)]);
    return !signal.aborted;
  } finally {
    signal.removeEventListener('abort', forward);
    local.abort();
  }
}

/** Waits for an event at `from` or later; false when interrupted first. */
async function nextEvent(store: { subscribe(options: { fromPosition: number; signal: AbortSignal }): AsyncIterable<unknown> }, from: number, signal: AbortSignal): Promise<boolean> {
  const local = new AbortController();
  const forward = (): void => local.abort();
  signal.addEventListener('abort', forward, { once: true });
  try {
    for await (const _event of store.subscribe({ fromPosition: from, signal: local.signal })) return true;
    return false;
  } catch (error) {
    if (signal.aborted) return false;
    throw error;
  } finally {
    signal.removeEventListener('abort', forward);
    local.abort();
  }
}

/**
 * Fault injection for crash tests: with `KAIROS_CRASH_AFTER_STEPS=n`, the process kills itself
 * (SIGKILL: no cleanup, like a power cut) after its n-th side effect.
 */
function crashAfter(setting: string | undefined): ((step: string) => void) | undefined {
  const limit = setting === undefined ? Number.NaN : Number.parseInt(setting, 10);
  if (!Number.isSafeInteger(limit) || limit < 1) return undefined;
  let steps = 0;
  return () => {
    if (++steps >= limit) process.kill(process.pid, 'SIGKILL');
  };
}

/** The git step, then the release step (pipelines; releases sealed only when nothing else appended). */
function idleSteps(git: (board: Board) => Promise<number>, releases: (board: Board, appendedBefore: number) => Promise<number>): (board: Board) => Promise<number> {
  return async (board) => {
    const appended = await git(board);
    return appended + (await releases(board, appended));
  };
}
