import type { StateMachineDefinition, StateMachineTransition } from '../../domain/fsm/state-machine-definition.js';
import { resolveGates } from '../normalize/resolve-gates.js';
import { unique } from '../normalize/unique.js';
import { machineVersion } from './machine-version.js';
import { anyState } from './any-state.js';
import type { StateMachineFile } from './state-machine-schema.js';

/**
 * Turns a validated state machine file into a definition: `initial` defaults to the first state,
 * `from: "*"` expands to every state but the final ones, single values become lists, and the
 * content hash becomes its `version`.
 */
export function normalizeStateMachine(file: StateMachineFile, fallbackId: string): StateMachineDefinition {
  const final = unique(file.final);
  const open = file.states.filter((state) => !final.includes(state));
  const transitions = file.transitions.map((raw): StateMachineTransition => {
    const sources = typeof raw.from === 'string' ? [raw.from] : raw.from;
    return {
      from: unique(sources.flatMap((source) => (source === anyState ? open : [source]))),
      on: raw.on,
      to: raw.to,
      guard: resolveGates(raw.guard === undefined ? [] : Array.isArray(raw.guard) ? raw.guard : [raw.guard]),
      emit: raw.emit === undefined ? [] : typeof raw.emit === 'string' ? [raw.emit] : unique(raw.emit),
      activate: raw.activate === undefined ? [] : typeof raw.activate === 'string' ? [raw.activate] : unique(raw.activate),
    };
  });
  const definition = { id: file.id ?? fallbackId, initial: file.initial ?? file.states[0] ?? '', states: unique(file.states), final, transitions };
  return { ...definition, version: machineVersion(definition) };
}
