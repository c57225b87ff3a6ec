import { isEventType } from '../events/event-type.js';
import { didYouMean } from '../text/closest-match.js';
import { isFsmSignal } from './fsm-signal.js';
import type { MachineDiagnostic, MachineProblem } from './machine-diagnostic.js';
import type { StateMachineDefinition } from './state-machine-definition.js';
import { isReservedStateName, isTargetRef, targetRefNames } from './target-ref.js';

/**
 * Checks a definition before it runs. Errors (the machine cannot run): no states, unknown,
 * duplicate or reserved state names, transitions from or to unknown states, exits from final
 * states, emitted events outside the catalog. Warnings (it runs, but likely not as meant):
 * unreachable states, events nothing emits (neither a catalog event, nor an FSM signal, nor emitted
 * by a transition: only an outside system could send them), and transitions an earlier unguarded
 * one shadows. Never throws.
 */
export function validateMachineDefinition(definition: StateMachineDefinition): MachineDiagnostic[] {
  const out: MachineDiagnostic[] = [];
  const error = (problem: MachineProblem, message: string, path: MachineDiagnostic['path']): void => void out.push({ severity: 'error', problem, message, path });
  const warning = (problem: MachineProblem, message: string, path: MachineDiagnostic['path']): void => void out.push({ severity: 'warning', problem, message, path });
  const states = new Set<string>();
  const hint = (name: string): string => didYouMean(name, states);

  if (definition.states.length === 0) error('no-states', 'a machine needs at least one state', ['states']);
  definition.states.forEach((state, index) => {
    if (states.has(state)) error('duplicate-state', `state ${state} is listed twice`, ['states', index]);
    if (isReservedStateName(state)) error('reserved-state-name', `${state} cannot name a state: "*" and names starting with $ are reserved`, ['states', index]);
    states.add(state);
  });
  const initialKnown = states.has(definition.initial);
  if (!initialKnown && definition.states.length > 0) error('unknown-initial', `initial state ${definition.initial} is not one of the states${hint(definition.initial)}`, ['initial']);
  const final = new Set(definition.final);
  definition.final.forEach((state, index) => {
    if (!states.has(state)) error('unknown-final', `final state ${state} is not one of the states${hint(state)}`, ['final', index]);
  });

  const emitted = new Set(definition.transitions.flatMap((transition) => transition.emit));
  const unguarded = new Map<string, number>();
  definition.transitions.forEach((transition, index) => {
    transition.from.forEach((source, position) => {
      const path = ['transitions', index, 'from', position];
      if (!states.has(source)) error('unknown-source', `from state ${source} is not one of the states${hint(source)}`, path);
      else if (final.has(source)) error('final-state-exit', `${source} is a final state: no transition may leave it`, path);
      if (transition.guard.length > 0) return;
      const key = `${source}\u0000${transition.on}`;
      const earlier = unguarded.get(key);
      if (earlier === undefined) unguarded.set(key, index);
      else warning('shadowed-transition', `transitions[${earlier}] already leaves ${source} on ${transition.on} without a guard, so this one is never taken`, ['transitions', index]);
    });
    if (!states.has(transition.to) && !isTargetRef(transition.to)) {
      const refs = transition.to.startsWith('$') ? ` (targets resolved when the transition fires are ${targetRefNames.join(', ')})` : hint(transition.to);
      error('unknown-target', `target state ${transition.to} is not one of the states${refs}`, ['transitions', index, 'to']);
    }
    transition.emit.forEach((event, position) => {
      if (!isEventType(event)) error('unknown-emitted-event', `unknown event ${event}; the event log only accepts catalog events`, ['transitions', index, 'emit', position]);
    });
    if (!isEventType(transition.on) && !isFsmSignal(transition.on) && !emitted.has(transition.on)) {
      warning('unheard-event', `${transition.on} is neither a catalog event, an FSM signal, nor emitted by a transition; it fires only if something outside emits it`, [
        'transitions',
        index,
        'on',
      ]);
    }
  });

  if (initialKnown) {
    const reached = reachableStates(definition);
    definition.states.forEach((state, index) => {
      if (!reached.has(state) && !isReservedStateName(state)) warning('unreachable-state', `state ${state} cannot be reached from ${definition.initial}; the machine never enters it`, ['states', index]);
    });
  }
  return out;
}

/**
 * States reachable from the initial one. `$history` and `$earlier` only return to states already
 * visited, so they reach nothing new.
 */
function reachableStates(definition: StateMachineDefinition): Set<string> {
  const reached = new Set([definition.initial]);
  const queue = [definition.initial];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const transition of definition.transitions) {
      if (!transition.from.includes(next) || reached.has(transition.to) || isTargetRef(transition.to)) continue;
      reached.add(transition.to);
      queue.push(transition.to);
    }
  }
  return reached;
}
