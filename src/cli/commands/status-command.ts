import { Command } from 'commander';
import { NotFoundError, UsageError } from '../../domain/errors/index.js';
import { evaluateGates, explainGates, type GateResult } from '../../domain/gates/index.js';
import { gateEvidence, sprintStateView, type Board, type MilestoneRecord, type OrchestratorConfig, type SprintRecord } from '../../domain/orchestrator/index.js';
import { didYouMean } from '../../domain/text/index.js';
import { calendarOfLog } from '../../telemetry/index.js';
import { contextOf } from '../cli-context.js';
import { isSettled, stateOf } from '../orchestration/describe-board.js';
import { formatBoard } from '../orchestration/format-board.js';
import { currentBoard, withSession } from '../orchestration/open-session.js';

interface StatusOptions {
  sprint?: string;
  milestone?: string;
  json?: boolean;
}

/** `kairos status`: where every sprint and milestone stands, and for one, why it is not moving. */
export function statusCommand(): Command {
  return new Command('status')
    .description('where sprints and milestones stand; with --sprint or --milestone, why one is not moving')
    .option('--sprint <id>', 'one sprint in detail')
    .option('--milestone <id>', 'one milestone in detail')
    .option('--json', 'machine-readable output')
    .action(async (options: StatusOptions, command: Command) => {
      if (options.sprint !== undefined && options.milestone !== undefined) throw new UsageError('choose one of --sprint and --milestone');
      const context = contextOf(command);
      await withSession(context, async (session) => {
        const board = await currentBoard(session);
        const now = Date.now();
        if (options.sprint !== undefined) {
          const sprint = find(board.sprints, options.sprint, 'sprint');
          const status = sprintStatus(board, sprint, session.config, now);
          context.stdout(options.json === true ? JSON.stringify(status, null, 2) : describeSprint(status).join('\n'));
        } else if (options.milestone !== undefined) {
          const milestone = find(board.milestones, options.milestone, 'milestone');
          const status = milestoneStatus(board, milestone, session.config, now);
          context.stdout(options.json === true ? JSON.stringify(status, null, 2) : describeMilestone(status).join('\n'));
        } else if (options.json === true) {
          context.stdout(JSON.stringify({
            position: board.position,
            milestones: board.milestoneOrder.flatMap((id) => { const m = board.milestones.get(id); return m === undefined ? [] : [milestoneStatus(board, m, session.config, now)]; }),
            sprints: [...board.sprints.values()].map((sprint) => sprintStatus(board, sprint, session.config, now)),
            calendar: await calendarOfLog(session.store),
          }, null, 2));
        } else {
          context.stdout([`log at position ${board.position}`, ...formatBoard(board, session.config)].join('\n'));
        }
      });
    });
}

function find<T>(records: ReadonlyMap<string, T>, id: string, kind: string): T {
  const record = records.get(id);
  if (record === undefined) throw new NotFoundError(`no ${kind} ${id} in the log${didYouMean(id, [...records.keys()])}`);
  return record;
}

/** How long a record has been in its state: log positions (logical time) and calendar milliseconds. */
function timeInState(board: Board, enteredAt: number, enteredAtTime: string, now: number): { positions: number; milliseconds: number | null } {
  const since = Date.parse(enteredAtTime);
  return { positions: board.position - enteredAt, milliseconds: Number.isNaN(since) ? null : Math.max(0, now - since) };
}

type SprintStatus = ReturnType<typeof sprintStateView> & { timeInState: { positions: number; milliseconds: number | null }; logPosition: number };

function sprintStatus(board: Board, sprint: SprintRecord, config: OrchestratorConfig, now: number): SprintStatus {
  return { ...sprintStateView(board, sprint, config), timeInState: timeInState(board, sprint.instance.enteredAt, sprint.enteredAtTime, now), logPosition: board.position };
}

function describeSprint(status: SprintStatus): string[] {
  const lines = [
    `sprint ${status.sprintId}${status.milestoneId === null ? '' : ` (milestone ${status.milestoneId})`}: ${status.state}`,
    `  in ${status.state} since position ${status.enteredAt.position} (${status.timeInState.positions} event(s) ago${status.timeInState.milliseconds === null ? '' : `, ${duration(status.timeInState.milliseconds)}`})`,
    `  trace ${status.traceId}${status.traceCheckpoints.length > 1 ? ` (chained to ${String(status.traceCheckpoints.at(-1)?.['previousTraceId'])})` : ''}`,
    `  features: ${status.features.completed.length}/${status.features.total} completed, ${status.features.deferred.length} deferred${status.features.open.length > 0 ? `; open: ${status.features.open.join(', ')}` : ''}`,
  ];
  if (status.lastTransition !== null) {
    const t = status.lastTransition;
    lines.push(`  last transition: ${String(t['from'])} → ${String(t['to'])} on ${String(t['on'])} at position ${String(t['position'])}`);
  }
  if (status.waitingFor.length > 0) lines.push('  waiting for:', ...status.waitingFor.map((reason) => `    - ${reason}`));
  else if (status.terminal) lines.push('  done: the sprint is in a final state');
  for (const condition of status.unmetConditions) {
    const evidence = condition['evidence'];
    if (evidence !== undefined) lines.push(`  evidence for ${String(condition['gate'])}: ${JSON.stringify(evidence)}`);
  }
  return lines;
}

interface MilestoneStatus {
  milestoneId: string;
  state: string;
  terminal: boolean;
  started: boolean;
  enteredAt: { position: number; occurredAt: string };
  timeInState: { positions: number; milliseconds: number | null };
  sprints: { sprintId: string; state: string; done: boolean }[];
  gates: readonly GateResult[];
  gatesEvaluatedAt: number | null;
  waitingFor: string[];
}

function milestoneStatus(board: Board, milestone: MilestoneRecord, config: OrchestratorConfig, now: number): MilestoneStatus {
  const sprints = milestone.sprints.map((sprintId) => {
    const sprint = board.sprints.get(sprintId);
    return { sprintId, state: sprint === undefined ? 'unknown' : stateOf(board, config, sprint), done: sprint !== undefined && isSettled(board, config, sprint) };
  });
  const gates = milestone.lastGates ?? evaluateGates(milestone.gates, gateEvidence(board, milestone)).results;
  const terminal = isSettled(board, config, milestone);
  const waitingFor: string[] = [];
  if (!terminal) {
    if (!milestone.started) waitingFor.push(startCondition(board, milestone));
    if (milestone.sprints.length === 0) waitingFor.push('a sprint planned for it');
    for (const sprint of sprints) if (!sprint.done) waitingFor.push(`sprint ${sprint.sprintId} to close (now ${sprint.state})`);
    for (const line of explainGates(gates, { failedOnly: true })) waitingFor.push(`gate ${line}`);
  }
  return {
    milestoneId: milestone.id,
    state: stateOf(board, config, milestone),
    terminal,
    started: milestone.started,
    enteredAt: { position: milestone.instance.enteredAt, occurredAt: milestone.enteredAtTime },
    timeInState: timeInState(board, milestone.instance.enteredAt, milestone.enteredAtTime, now),
    sprints,
    gates,
    gatesEvaluatedAt: milestone.lastGatesAt ?? null,
    waitingFor,
  };
}

function startCondition(board: Board, milestone: MilestoneRecord): string {
  for (const other of board.milestones.values()) {
    if (other.triggers.some((trigger) => trigger.next === milestone.id)) return `milestone ${other.id}'s trigger to start it`;
  }
  const before = board.milestoneOrder[board.milestoneOrder.indexOf(milestone.id) - 1];
  return before === undefined ? 'kairos run to start it' : `milestone ${before} to complete`;
}

function describeMilestone(status: MilestoneStatus): string[] {
  const lines = [
    `milestone ${status.milestoneId}: ${status.state}`,
    `  in ${status.state} since position ${status.enteredAt.position} (${status.timeInState.positions} event(s) ago${status.timeInState.milliseconds === null ? '' : `, ${duration(status.timeInState.milliseconds)}`})`,
    `  sprints: ${status.sprints.map((sprint) => `${sprint.sprintId} ${sprint.state}`).join(', ') || 'none'}`,
    `  gates${status.gatesEvaluatedAt === null ? ' (as of now)' : ` (evaluated at position ${status.gatesEvaluatedAt})`}:`,
    ...explainGates(status.gates).map((line) => `    - ${line}`),
  ];
  if (status.waitingFor.length > 0) lines.push('  waiting for:', ...status.waitingFor.map((reason) => `    - ${reason}`));
  return lines;
}

function duration(milliseconds: number): string {
  const seconds = Math.round(milliseconds / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours}h ${minutes % 60}m` : `${Math.floor(hours / 24)}d ${hours % 24}h`;
}
