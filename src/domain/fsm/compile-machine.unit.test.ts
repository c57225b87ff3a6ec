import { describe, expect, it } from 'vitest';
import { compileMachine } from './compile-machine.js';
import { TargetKind } from './compiled-machine.js';
import { MachineDefinitionError } from './machine-definition-error.js';
import { defineMachine } from './testing/define-machine.js';

describe('compileMachine', () => {
  const definition = defineMachine({
    states: ['A', 'B', 'Paused', 'Done', 'Stuck'],
    final: ['Done'],
    transitions: [
      { from: 'A', on: 'SprintPlanned', to: 'B' },
      { from: ['A', 'B'], on: 'SprintPaused', to: 'Paused' },
      { from: 'Paused', on: 'SprintResumed', to: '$history' },
      { from: ['A', 'B', 'Paused'], on: 'SprintRewound', to: '$earlier' },
      { from: 'B', on: 'SprintClosed', to: 'Done', guard: ['testsPassed'] },
      { from: 'B', on: 'SprintClosed', to: 'Stuck' },
    ],
  });
  const machine = compileMachine(definition);

  it('indexes states and events and keeps the definition and version', () => {
    expect(machine).toMatchObject({ id: 'test', version: 'v1', initial: 0, states: ['A', 'B', 'Paused', 'Done', 'Stuck'], events: ['SprintPlanned', 'SprintPaused', 'SprintResumed', 'SprintRewound', 'SprintClosed'] });
    expect(machine.definition).toBe(definition);
  });

  it('lays out a state × event table of candidates in definition order', () => {
    const slot = (state: string, event: string) =>
      machine.slots[(machine.stateIndex.get(state) as number) * machine.events.length + (machine.eventIndex.get(event) as number)]?.map((t) => t.index);
    expect(slot('B', 'SprintClosed')).toEqual([4, 5]);
    expect(slot('A', 'SprintClosed')).toEqual([]);
    expect(slot('Paused', 'SprintRewound')).toEqual([3]);
    expect(machine.slots).toHaveLength(machine.states.length * machine.events.length);
  });

  it('resolves history and rewind targets to target kinds', () => {
    expect(machine.transitions.map((t) => t.target)).toEqual([1, 2, TargetKind.History, TargetKind.Earlier, 3, 4]);
  });

  it('marks declared final states and states nothing leaves as terminal', () => {
    expect(machine.terminal).toEqual([false, false, false, true, true]);
  });

  it('refuses a definition with errors, carrying every problem', () => {
    const broken = defineMachine({ states: ['A', 'A'], transitions: [{ from: 'A', on: 'SprintPlanned', to: 'Nowhere' }] });
    expect(() => compileMachine(broken)).toThrow(MachineDefinitionError);
    try {
      compileMachine(broken);
    } catch (error) {
      expect((error as MachineDefinitionError).diagnostics.map((d) => d.problem)).toEqual(['duplicate-state', 'unknown-target']);
      expect((error as MachineDefinitionError).code).toBe('VALIDATION');
    }
  });

  it('runs a machine that only has warnings', () => {
    expect(() => compileMachine(defineMachine({ states: ['A', 'Orphan'], transitions: [] }))).not.toThrow();
  });
});
