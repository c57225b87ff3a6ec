import type { GateRef } from '../gates/gate-catalog.js';
import { TargetKind, type CompiledMachine, type CompiledTransition } from './compiled-machine.js';
import { hasVisited, makeInstance, withVisited, type MachineInstance } from './machine-instance.js';

/** An event as the engine needs it: its type, its log position, and for `$earlier` the state named. */
export interface MachineEvent {
  readonly type: string;
  /** The event's global log position: the logical time at which the new state is entered. */
  readonly position: number;
  /** The state a `$earlier` transition (a rewind) returns to. */
  readonly target?: string | undefined;
}

/**
 * Says whether a transition's gates pass. The engine evaluates no gate: the caller does, from the
 * evidence it holds, so the engine stays pure and allocation-free.
 */
export type GuardCheck = (gates: readonly GateRef[], transition: CompiledTransition) => boolean;

/** The transition was taken: the new instance and what to do on entering its state. */
export interface TransitionTaken {
  readonly kind: 'taken';
  readonly instance: MachineInstance;
  readonly transition: CompiledTransition;
  readonly from: string;
  readonly to: string;
  /** Events to append on entry. */
  readonly emit: readonly string[];
  /** Agent roles to start on entry. */
  readonly activate: readonly string[];
}

/** Why an event does not apply: the state is terminal, or no transition leaves it on this event. */
export type NotApplicableReason = 'terminal' | 'no-transition';

/** The event means nothing in the current state; the instance is unchanged. */
export interface TransitionNotApplicable {
  readonly kind: 'not-applicable';
  readonly reason: NotApplicableReason;
}

/**
 * A transition applies but its gates must pass first: with no guard check given, the first guarded
 * candidate; with one, the first candidate it blocked (when none passed).
 */
export interface TransitionGuarded {
  readonly kind: 'guarded';
  readonly transition: CompiledTransition;
  readonly gates: readonly GateRef[];
}

/**
 * A transition applies but cannot be taken as asked: a rewind to a state never visited, a resume
 * with nothing to return to, an instance of another machine version.
 */
export interface TransitionRefused {
  readonly kind: 'refused';
  readonly transition: CompiledTransition | undefined;
  readonly reason: string;
}

export type TransitionResult = TransitionTaken | TransitionNotApplicable | TransitionGuarded | TransitionRefused;

const terminal: TransitionNotApplicable = Object.freeze({ kind: 'not-applicable', reason: 'terminal' });
const noTransition: TransitionNotApplicable = Object.freeze({ kind: 'not-applicable', reason: 'no-transition' });

/**
 * The pure transition function: what `event` does to `instance`. Candidates leaving the current
 * state on the event are tried in definition order; the first without a guard, or whose guard
 * `passes`, is taken. Without `passes`, reaching a guarded candidate returns `guarded` with its
 * gates, for the caller to evaluate and call again. Never throws; never changes its arguments.
 *
 * @example
 * const result = transition(sprint, instance, { type: 'SprintPlanned', position: 42 });
 * if (result.kind === 'taken') instance = result.instance; // result.emit, result.activate: intents
 */
export function transition(machine: CompiledMachine, instance: MachineInstance, event: MachineEvent, passes?: GuardCheck): TransitionResult {
  if (instance.version !== machine.version) {
    return { kind: 'refused', transition: undefined, reason: `the instance runs ${instance.machine} machine version ${instance.version}, not ${machine.version}` };
  }
  const state = instance.state;
  if (machine.terminal[state] === true) return terminal;
  const eventIndex = machine.eventIndex.get(event.type);
  if (eventIndex === undefined) return noTransition;
  const candidates = machine.slots[state * machine.events.length + eventIndex];
  if (candidates === undefined || candidates.length === 0) return noTransition;
  let blocked: CompiledTransition | undefined;
  for (const candidate of candidates) {
    if (candidate.guard.length > 0) {
      if (passes === undefined) return { kind: 'guarded', transition: candidate, gates: candidate.guard };
      if (!passes(candidate.guard, candidate)) {
        blocked ??= candidate;
        continue;
      }
    }
    return take(machine, instance, candidate, event);
  }
  const first = blocked as CompiledTransition;
  return { kind: 'guarded', transition: first, gates: first.guard };
}

function take(machine: CompiledMachine, instance: MachineInstance, taken: CompiledTransition, event: MachineEvent): TransitionTaken | TransitionRefused {
  const from = instance.state;
  let to = taken.target;
  if (to === TargetKind.History) {
    to = instance.previous;
    if (to < 0) return refuse(taken, `${machine.states[from]} was entered first: there is no earlier state to return to`);
  } else if (to === TargetKind.Earlier) {
    const resolved = resolveEarlier(machine, instance, event.target);
    if (typeof resolved === 'string') return refuse(taken, `${event.type}: ${resolved}`);
    to = resolved;
  }
  const visited = hasVisited(instance, to) ? instance.visited : withVisited(instance.visited, to);
  // A self-transition keeps the history: resuming must not return to the state itself.
  const previous = to === from ? instance.previous : from;
  return {
    kind: 'taken',
    instance: makeInstance(instance.machine, instance.version, to, previous, visited, event.position, instance.transitions + 1),
    transition: taken,
    from: machine.states[from] as string,
    to: machine.states[to] as string,
    emit: taken.emit,
    activate: taken.activate,
  };
}

/** The state index a rewind returns to, or why it cannot. */
function resolveEarlier(machine: CompiledMachine, instance: MachineInstance, target: string | undefined): number | string {
  if (target === undefined) return 'the event must name the earlier state to return to';
  const index = machine.stateIndex.get(target);
  if (index === undefined) return `${target} is not a state of the ${machine.id} machine`;
  if (index === instance.state) return `already in ${target}`;
  if (!hasVisited(instance, index)) return `${target} is not a state this instance has been in; a rewind only returns to an earlier state`;
  return index;
}

function refuse(taken: CompiledTransition, reason: string): TransitionRefused {
  return { kind: 'refused', transition: taken, reason };
}

/**
 * `instance` after `event`: the new instance when a transition is taken, the same one otherwise.
 * Total, for folds over the log.
 */
export function evolveInstance(machine: CompiledMachine, instance: MachineInstance, event: MachineEvent, passes?: GuardCheck): MachineInstance {
  const result = transition(machine, instance, event, passes);
  return result.kind === 'taken' ? result.instance : instance;
}
