import type { GateRef } from '../gates/gate-catalog.js';

/** One transition of a state machine file, normalised: `from` is always the list of source states. */
export interface StateMachineTransition {
  from: string[];
  /** The event (or FSM signal) that fires it. */
  on: string;
  /**
   * The state entered: a state name, or a target resolved when the transition fires
   * (`$history`, `$earlier`; see {@link TargetRef}).
   */
  to: string;
  /** Gates that must pass for the transition to be taken. */
  guard: GateRef[];
  /** Events appended on entering `to`. */
  emit: string[];
  /** Agent roles started on entering `to`. */
  activate: string[];
}

/** A state machine as data (the spec's `states` + `transitions: [{from, on, to}]`, extended). */
export interface StateMachineDefinition {
  /** Which machine it is, e.g. `sprint`; defaults to the file's base name. */
  id: string;
  /**
   * A hash of the definition's content: an instance keeps the version it started with, so a
   * replaced machine never changes the rules under a running sprint.
   */
  version: string;
  initial: string;
  states: string[];
  /** States no transition leaves; `from: "*"` means every state but these. */
  final: string[];
  transitions: StateMachineTransition[];
}
