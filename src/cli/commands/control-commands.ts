import { userInfo } from 'node:os';
import { Command } from 'commander';
import { RefusedError } from '../../domain/errors/index.js';
import { EventType, sprintStream, type JsonObject } from '../../domain/events/index.js';
import { transition } from '../../domain/fsm/index.js';
import { boardMachineOf, type Board, type SprintRecord } from '../../domain/orchestrator/index.js';
import { randomIds, systemClock } from '../../runtime/index.js';
import { contextOf, type CliContext } from '../cli-context.js';
import { findSprint } from '../orchestration/find-sprint.js';
import { withSession, type Session } from '../orchestration/open-session.js';

interface ControlOptions {
  by?: string;
  reason?: string;
  to?: string;
  feature?: string;
  agent?: string;
}

/** A control: the event it appends, what it does in words, and how its event names a target. */
interface Control {
  name: string;
  type: EventType;
  description: string;
}

const controls: readonly Control[] = [
  { name: 'pause', type: EventType.SprintPaused, description: 'pause a sprint: it takes no new step until resumed (what reaches it is held)' },
  { name: 'resume', type: EventType.SprintResumed, description: 'resume a paused sprint where it left off' },
  { name: 'abort', type: EventType.SprintAborted, description: 'abort a sprint for good (its history is kept)' },
];

/** `kairos pause|resume|abort <sprint>`, `kairos rewind <sprint> --to <State>`, `kairos retry <sprint>`: each an event with who and why. */
export function controlCommands(): Command[] {
  const simple = controls.map((control) =>
    withWho(new Command(control.name).description(control.description).argument('<sprint>', 'the sprint id'))
      .action((sprintId: string, options: ControlOptions, command: Command) => applyControl(contextOf(command), sprintId, control.type, options, control.name)),
  );
  const rewind = withWho(
    new Command('rewind')
      .description('send a sprint back to a state it was in before; it runs on under a new trace chained to the old')
      .argument('<sprint>', 'the sprint id')
      .requiredOption('--to <state>', 'the earlier state, e.g. Active'),
  ).action((sprintId: string, options: ControlOptions, command: Command) => applyControl(contextOf(command), sprintId, EventType.SprintRewound, options, 'rewind'));
  const retry = withWho(
    new Command('retry')
      .description("run a sprint's failed agent executions again (or its current state's agents)")
      .argument('<sprint>', 'the sprint id')
      .option('--feature <id>', 'only for this feature')
      .option('--agent <id>', 'only this agent (or role)'),
  ).action((sprintId: string, options: ControlOptions, command: Command) => applyControl(contextOf(command), sprintId, EventType.RetryRequested, options, 'retry'));
  return [...simple, rewind, retry];
}

export function withWho(command: Command): Command {
  return command
    .option('--by <who>', 'who asks (default: the user running kairos)')
    .option('--reason <text>', 'why, in a few words');
}

async function applyControl(context: CliContext, sprintId: string, type: EventType, options: ControlOptions, verb: string): Promise<void> {
  await withSession(context, async (session) => {
    const sprint = await findSprint(session, sprintId);
    const by = options.by ?? userInfo().username;
    const reason = options.reason ?? `${type} requested by ${by}`;
    const rewind = type === EventType.SprintRewound;
    const traceId = rewind ? randomIds.traceId() : sprint.record.traceId;
    if (type !== EventType.RetryRequested) refuseInapplicable(session, sprint.board, sprint.record, type, options.to, verb);
    const data: JsonObject = { sprintId, requestedBy: by, reason };
    if (rewind) Object.assign(data, { to: options.to ?? '', traceId, previousTraceId: sprint.record.traceId });
    if (options.feature !== undefined) data['featureId'] = options.feature;
    if (options.agent !== undefined) data['agentId'] = options.agent;
    const result = await session.store.append(sprintStream(sprintId), [
      { eventId: randomIds.eventId(), type, occurredAt: systemClock.now(), traceId, sprintId, ...(sprint.record.milestoneId === undefined ? {} : { milestoneId: sprint.record.milestoneId }), reason, data },
    ]);
    const stored = result.events[0];
    context.stdout(`${sprintId}: ${type} recorded at position ${stored?.position ?? '?'} by ${by}${rewind ? ` (new trace ${traceId}, chained to ${sprint.record.traceId})` : ''}; \`kairos run\` acts on it`);
  });
}


/** A control the sprint's machine would not take is refused before anything is recorded. */
function refuseInapplicable(session: Session, board: Board, record: SprintRecord, type: EventType, target: string | undefined, verb: string): void {
  const machine = boardMachineOf(board, session.config, record.instance);
  if (machine === undefined) return;
  const state = machine.states[record.instance.state] ?? '?';
  const result = transition(machine, record.instance, { type, position: Number.MAX_SAFE_INTEGER, target }, () => true);
  if (result.kind === 'taken') return;
  const why = result.kind === 'refused' ? result.reason : result.kind === 'not-applicable' && result.reason === 'terminal' ? `it is ${state}, which is final` : `no ${type} transition leaves ${state}`;
  throw new RefusedError(`cannot ${verb} ${record.id}: ${why}`);
}
