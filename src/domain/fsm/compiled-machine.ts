import type { GateRef } from '../gates/gate-catalog.js';
import type { StateMachineDefinition } from './state-machine-definition.js';

/** Where a compiled transition leads: a state index, or one of these targets resolved when it fires. */
export const TargetKind = {
  /** The state left when the current one was entered. */
  History: -1,
  /** A state named by the event, visited before. */
  Earlier: -2,
} as const;
export type TargetKind = (typeof TargetKind)[keyof typeof TargetKind];

/** A transition with its states and event as indexes; lists are shared, never copied per step. */
export interface CompiledTransition {
  /** Its position in the definition's `transitions`. */
  readonly index: number;
  readonly on: string;
  /** Index of `on` in {@link CompiledMachine.events}. */
  readonly event: number;
  readonly from: readonly number[];
  /** `to` as written. */
  readonly to: string;
  /** A state index, or a {@link TargetKind}. */
  readonly target: number;
  readonly guard: readonly GateRef[];
  readonly emit: readonly string[];
  readonly activate: readonly string[];
}

/**
 * A definition compiled into lookup tables: `slots[state * events.length + event]` lists the
 * transitions to try, in definition order (the first whose guard passes is taken).
 */
export interface CompiledMachine {
  readonly id: string;
  readonly version: string;
  readonly definition: StateMachineDefinition;
  readonly states: readonly string[];
  readonly events: readonly string[];
  readonly stateIndex: ReadonlyMap<string, number>;
  readonly eventIndex: ReadonlyMap<string, number>;
  readonly initial: number;
  /** Per state: declared final, or left by no transition. Such a state takes no event. */
  readonly terminal: readonly boolean[];
  readonly transitions: readonly CompiledTransition[];
  readonly slots: readonly (readonly CompiledTransition[])[];
}
