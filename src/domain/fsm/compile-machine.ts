import type { CompiledMachine, CompiledTransition } from './compiled-machine.js';
import { TargetKind } from './compiled-machine.js';
import { MachineDefinitionError } from './machine-definition-error.js';
import type { StateMachineDefinition } from './state-machine-definition.js';
import { TargetRef } from './target-ref.js';
import { validateMachineDefinition } from './validate-machine-definition.js';

const none: readonly CompiledTransition[] = Object.freeze([]);

/**
 * Compiles a definition once into the tables {@link transition} reads: state and event indexes and
 * a state × event table of candidate transitions.
 *
 * @throws MachineDefinitionError when {@link validateMachineDefinition} finds an error.
 * @example const sprint = compileMachine(definition); const start = createInstance(sprint, 1);
 */
export function compileMachine(definition: StateMachineDefinition): CompiledMachine {
  const diagnostics = validateMachineDefinition(definition);
  if (diagnostics.some((d) => d.severity === 'error')) throw new MachineDefinitionError(definition.id, diagnostics);

  const states = Object.freeze([...definition.states]);
  const stateIndex = new Map(states.map((state, index) => [state, index]));
  const events = Object.freeze([...new Set(definition.transitions.map((t) => t.on))]);
  const eventIndex = new Map(events.map((event, index) => [event, index]));
  const transitions = definition.transitions.map(
    (t, index): CompiledTransition =>
      Object.freeze({
        index,
        on: t.on,
        event: eventIndex.get(t.on) as number,
        from: Object.freeze(t.from.map((state) => stateIndex.get(state) as number)),
        to: t.to,
        target: t.to === TargetRef.History ? TargetKind.History : t.to === TargetRef.Earlier ? TargetKind.Earlier : (stateIndex.get(t.to) as number),
        guard: Object.freeze(t.guard.map((gate) => Object.freeze({ ...gate }))),
        emit: Object.freeze([...t.emit]),
        activate: Object.freeze([...t.activate]),
      }),
  );

  const lists: CompiledTransition[][] = Array.from({ length: states.length * events.length }, () => []);
  for (const t of transitions) for (const source of t.from) lists[source * events.length + t.event]?.push(t);
  const slots = lists.map((list) => (list.length === 0 ? none : Object.freeze(list)));
  const final = new Set(definition.final);
  const terminal = states.map((state, index) => final.has(state) || !transitions.some((t) => t.from.includes(index)));

  return Object.freeze({
    id: definition.id,
    version: definition.version,
    definition,
    states,
    events,
    stateIndex,
    eventIndex,
    initial: stateIndex.get(definition.initial) as number,
    terminal: Object.freeze(terminal),
    transitions: Object.freeze(transitions),
    slots: Object.freeze(slots),
  });
}
