import type { GateRef } from '../../gates/gate-catalog.js';
import type { StateMachineDefinition } from '../state-machine-definition.js';

/** A transition as a test writes it: one or more sources, gate names for the guard, the rest optional. */
export interface TestTransition {
  from: string | string[];
  on: string;
  to: string;
  guard?: string[];
  emit?: string[];
  activate?: string[];
}

/**
 * A definition written in a test, with the file format's defaults: `initial` is the first state,
 * `version` is `v1`, no final states, gate names taken as written.
 */
export function defineMachine(machine: { id?: string; version?: string; initial?: string; states: string[]; final?: string[]; transitions: TestTransition[] }): StateMachineDefinition {
  return {
    id: machine.id ?? 'test',
    version: machine.version ?? 'v1',
    initial: machine.initial ?? machine.states[0] ?? '',
    states: machine.states,
    final: machine.final ?? [],
    transitions: machine.transitions.map((t) => ({
      from: typeof t.from === 'string' ? [t.from] : t.from,
      on: t.on,
      to: t.to,
      guard: (t.guard ?? []).map((gate): GateRef => ({ gate, written: gate })),
      emit: t.emit ?? [],
      activate: t.activate ?? [],
    })),
  };
}
