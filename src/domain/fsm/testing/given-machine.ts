import { expect } from 'vitest';
import type { CompiledMachine } from '../compiled-machine.js';
import { createInstance, describeInstance, type MachineInstance } from '../machine-instance.js';
import { transition, type GuardCheck, type MachineEvent, type TransitionResult } from '../transition.js';

/** An event in a scenario: its type, or its type with a rewind target. Positions are numbered for you. */
export type ScenarioEvent = string | { type: string; target?: string };

/** What a step did, with assertions that read as the `then` of a scenario. */
export interface Outcome {
  result: TransitionResult;
  /** The instance after the step (unchanged unless a transition was taken). */
  instance: MachineInstance;
  thenState(state: string): Outcome;
  thenNotApplicable(reason: 'terminal' | 'no-transition'): Outcome;
  thenRefused(reason: RegExp): Outcome;
  thenGuarded(gates: string[]): Outcome;
}

/** A machine instance that has taken some transitions, ready for the step under test. */
export interface Scenario {
  instance: MachineInstance;
  position: number;
  when(event: ScenarioEvent, passes?: GuardCheck): Outcome;
}

/**
 * Given/when/then over a compiled machine: `given(sprint, 'SprintPlanned').when('SprintPaused').thenState('Paused')`.
 * The instance is created at position 1 and each event takes the next position; every `given`
 * event must be taken, or the test fails there. Guarded `given` steps pass every gate.
 */
export function given(machine: CompiledMachine, ...events: ScenarioEvent[]): Scenario {
  let instance = createInstance(machine, 1);
  let position = 1;
  for (const event of events) {
    position += 1;
    const result = transition(machine, instance, toEvent(event, position), () => true);
    expect(result.kind, `given ${JSON.stringify(event)} in ${machine.states[instance.state]}: ${JSON.stringify(result)}`).toBe('taken');
    if (result.kind === 'taken') instance = result.instance;
  }
  return scenario(machine, instance, position);
}

function scenario(machine: CompiledMachine, instance: MachineInstance, position: number): Scenario {
  return {
    instance,
    position,
    when(event, passes) {
      const result = transition(machine, instance, toEvent(event, position + 1), passes);
      const after = result.kind === 'taken' ? result.instance : instance;
      const outcome: Outcome = {
        result,
        instance: after,
        thenState(state) {
          expect(result.kind, JSON.stringify(result)).toBe('taken');
          expect(describeInstance(machine, after).state).toBe(state);
          return outcome;
        },
        thenNotApplicable(reason) {
          expect(result).toEqual({ kind: 'not-applicable', reason });
          expect(after).toBe(instance);
          return outcome;
        },
        thenRefused(reason) {
          expect(result.kind).toBe('refused');
          if (result.kind === 'refused') expect(result.reason).toMatch(reason);
          return outcome;
        },
        thenGuarded(gates) {
          expect(result.kind).toBe('guarded');
          if (result.kind === 'guarded') expect(result.gates.map((g) => g.gate)).toEqual(gates);
          return outcome;
        },
      };
      return outcome;
    },
  };
}

function toEvent(event: ScenarioEvent, position: number): MachineEvent {
  return typeof event === 'string' ? { type: event, position } : { ...event, position };
}
