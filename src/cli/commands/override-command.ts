import { userInfo } from 'node:os';
import { Command } from 'commander';
import { NotFoundError, RefusedError, UsageError } from '../../domain/errors/index.js';
import { EventType, milestoneStream, sprintStream, type JsonObject, type ProposedEvent } from '../../domain/events/index.js';
import { transition } from '../../domain/fsm/index.js';
import { evaluateGates } from '../../domain/gates/index.js';
import { boardMachineOf, gateEvidence, type Board, type MilestoneRecord, type SprintRecord } from '../../domain/orchestrator/index.js';
import { didYouMean } from '../../domain/text/index.js';
import { randomIds, systemClock } from '../../runtime/index.js';
import { contextOf, type CliContext } from '../cli-context.js';
import { currentBoard, withSession, type Session } from '../orchestration/open-session.js';
import { withWho } from './control-commands.js';

interface OverrideOptions {
  by?: string;
  reason?: string;
  feature?: string;
  event?: string;
  skipGate?: string;
  forceClose?: boolean;
}

/** Events a person may record in an agent's place: those that move a sprint's state on. */
const overridable: readonly EventType[] = [EventType.SprintTestPlanReady, EventType.SprintInfraReady, EventType.SprintQAReady, EventType.PatchEmitted, EventType.ManualApproval, EventType.AllTraceChecksPassed];

/**
 * `kairos override <sprint|milestone>`: a person bypasses what holds a sprint or milestone, recorded
 * as `OverrideApplied` with who, why and what it bypassed, in one atomic append with what it stands
 * for: a feature accepted as completed (`--feature`), an event recorded in an agent's place
 * (`--event`), a gate waived (`--skip-gate`: it passes from then on, saying so), or the sprint closed
 * (`--force-close`: the event its machine closes on from where it is).
 */
export function overrideCommand(): Command {
  return withWho(
    new Command('override')
      .description('bypass what holds a sprint or milestone, with who and why: accept a feature, record an event in an agent\'s place, waive a gate, or force-close a sprint')
      .argument('<sprint|milestone>', 'the sprint or milestone id')
      .option('--feature <id>', 'the feature to count as completed')
      .option('--event <type>', "a sprint event to record in the agent's place, e.g. SprintInfraReady")
      .option('--skip-gate <gate>', 'waive a gate of the sprint or milestone (as written in its gates)')
      .option('--force-close', 'close the sprint now, through the transition its machine closes on from its state'),
  ).action((id: string, options: OverrideOptions, command: Command) => applyOverride(contextOf(command), id, options));
}

async function applyOverride(context: CliContext, id: string, options: OverrideOptions): Promise<void> {
  const chosen = [options.feature, options.event, options.skipGate, options.forceClose === true ? true : undefined].filter((value) => value !== undefined);
  if (chosen.length !== 1) throw new UsageError('kairos override needs exactly one of --feature <id>, --event <type>, --skip-gate <gate> or --force-close');
  if (options.event !== undefined && !overridable.includes(options.event as EventType)) {
    throw new UsageError(`--event ${options.event}: an override records one of ${overridable.join(', ')}${didYouMean(options.event, overridable)}`);
  }
  await withSession(context, async (session) => {
    const board = await currentBoard(session);
    const by = options.by ?? userInfo().username;
    const reason = options.reason ?? `overridden by ${by}`;
    const milestone = board.sprints.has(id) ? undefined : board.milestones.get(id);
    if (milestone !== undefined) {
      if (options.skipGate === undefined) throw new UsageError(`${id} is a milestone: only --skip-gate applies to one`);
      return record(context, session, milestoneStream(id), { milestoneId: id }, milestone.traceId, by, reason, waiverOf(board, milestone, options.skipGate), undefined);
    }
    const sprint = board.sprints.get(id);
    if (sprint === undefined) {
      const known = [...board.sprints.keys(), ...board.milestones.keys()];
      throw new NotFoundError(`no sprint or milestone ${id} in the log${didYouMean(id, known)}`);
    }
    const scope = { sprintId: id, ...(sprint.milestoneId === undefined ? {} : { milestoneId: sprint.milestoneId }) };
    const stands = (type: EventType, data: JsonObject, featureId?: string): Effect => ({ type, data: { ...data, overriddenBy: by, reason }, ...(featureId === undefined ? {} : { featureId }) });
    if (options.skipGate !== undefined) return record(context, session, sprintStream(id), scope, sprint.traceId, by, reason, waiverOf(board, sprint, options.skipGate), undefined);
    if (options.feature !== undefined) {
      if (!sprint.features.includes(options.feature)) {
        throw new NotFoundError(`feature ${options.feature} is not in the scope of ${id} (${sprint.features.join(', ') || 'no features'})${didYouMean(options.feature, sprint.features)}`);
      }
      const effect = stands(EventType.FeatureStatusChanged, { featureId: options.feature, status: 'completed' }, options.feature);
      return record(context, session, sprintStream(id), scope, sprint.traceId, by, reason, { featureId: options.feature, status: 'completed' }, effect);
    }
    const type = options.event === undefined ? closingEvent(board, session, sprint) : (options.event as EventType);
    const what: JsonObject = options.forceClose === true ? { override: 'forceClose', event: type, from: stateName(board, session, sprint) } : { event: type };
    return record(context, session, sprintStream(id), scope, sprint.traceId, by, reason, what, stands(type, { sprintId: id }));
  });
}

interface Effect {
  type: EventType;
  data: JsonObject;
  featureId?: string;
}

/** OverrideApplied (who, why, what) and what it stands for, in one append. */
async function record(context: CliContext, session: Session, streamId: string, scope: { sprintId?: string; milestoneId?: string }, traceId: string, by: string, reason: string, what: JsonObject, effect: Effect | undefined): Promise<void> {
  const envelope = { occurredAt: systemClock.now(), traceId, reason, ...scope };
  const applied: ProposedEvent = { ...envelope, eventId: randomIds.eventId(), type: EventType.OverrideApplied, data: { ...scope, by, reason, ...what } };
  const events: ProposedEvent[] = [applied];
  if (effect !== undefined) events.push({ ...envelope, ...(effect.featureId === undefined ? {} : { featureId: effect.featureId }), eventId: randomIds.eventId(), causationId: applied.eventId, type: effect.type, data: effect.data });
  const result = await session.store.append(streamId, events);
  const subject = scope.sprintId ?? scope.milestoneId ?? '?';
  context.stdout(`${subject}: OverrideApplied${effect === undefined ? '' : ` and ${effect.type}`} recorded at position ${result.events.at(-1)?.position ?? '?'} by ${by}; \`kairos run\` acts on it`);
}

/** A waiver of one of the record's gates: what it bypasses is said (the gate's verdict now). */
function waiverOf(board: Board, record: SprintRecord | MilestoneRecord, gate: string): JsonObject {
  const ref = record.gates.find((candidate) => candidate.written === gate || candidate.gate === gate);
  if (ref === undefined) {
    const names = record.gates.map((candidate) => candidate.written);
    throw new NotFoundError(`${record.id} has no gate ${gate} (its gates: ${names.join(', ') || 'none'})${didYouMean(gate, names)}`);
  }
  const [verdict] = evaluateGates([ref], gateEvidence(board, record)).results;
  if (verdict?.passed === true) throw new RefusedError(`cannot waive ${ref.written} of ${record.id}: it passes (${verdict.reason})`);
  return { override: 'skipGate', gate: ref.written, bypassed: verdict?.reason ?? 'not evaluated' };
}

/** The event the sprint's machine closes on (a final state other than Aborted) from where it is, among those a person may record. */
function closingEvent(board: Board, session: Session, sprint: SprintRecord): EventType {
  const machine = boardMachineOf(board, session.config, sprint.instance);
  const state = stateName(board, session, sprint);
  for (const type of overridable) {
    if (machine === undefined) break;
    const result = transition(machine, sprint.instance, { type, position: Number.MAX_SAFE_INTEGER }, () => true);
    if (result.kind === 'taken' && result.to !== 'Aborted' && machine.terminal[machine.stateIndex.get(result.to) ?? -1] === true) return type;
  }
  throw new RefusedError(`cannot force-close ${sprint.id} from ${state}: a person may close a sprint from Verifying (AllTraceChecksPassed) or RetryPhase (ManualApproval); before that, kairos abort ends it, or kairos override --feature / --skip-gate moves it on`);
}

function stateName(board: Board, session: Session, sprint: SprintRecord): string {
  return boardMachineOf(board, session.config, sprint.instance)?.states[sprint.instance.state] ?? '?';
}
