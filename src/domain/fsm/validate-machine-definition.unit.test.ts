import { describe, expect, it } from 'vitest';
import { defineMachine } from './testing/define-machine.js';
import { validateMachineDefinition } from './validate-machine-definition.js';

const problems = (...args: Parameters<typeof defineMachine>) =>
  validateMachineDefinition(defineMachine(...args)).map((d) => `${d.severity} ${d.problem} at ${d.path.join('.')}: ${d.message}`);

describe('validateMachineDefinition', () => {
  it('finds nothing wrong with a sound machine', () => {
    const machine = { states: ['A', 'B', 'Done'], final: ['Done'], transitions: [{ from: 'A', on: 'SprintPlanned', to: 'B' }, { from: ['A', 'B'], on: 'SprintAborted', to: 'Done' }] };
    expect(problems(machine)).toEqual([]);
  });

  it('needs a state', () => {
    expect(problems({ states: [], transitions: [] })).toEqual(['error no-states at states: a machine needs at least one state']);
  });

  it('refuses duplicate and reserved state names', () => {
    expect(problems({ states: ['A', 'A', '$history', '*'], transitions: [] })).toEqual([
      'error duplicate-state at states.1: state A is listed twice',
      'error reserved-state-name at states.2: $history cannot name a state: "*" and names starting with $ are reserved',
      'error reserved-state-name at states.3: * cannot name a state: "*" and names starting with $ are reserved',
    ]);
  });

  it('refuses an unknown initial or final state, with a suggestion', () => {
    expect(problems({ initial: 'Plannig', states: ['Planning'], final: ['Closd'], transitions: [] })).toEqual([
      'error unknown-initial at initial: initial state Plannig is not one of the states (did you mean Planning?)',
      'error unknown-final at final.0: final state Closd is not one of the states',
    ]);
  });

  it('refuses transitions from or to unknown states', () => {
    expect(problems({ states: ['Active', 'Closed'], transitions: [{ from: ['Active', 'Activ'], on: 'SprintClosed', to: 'Closd' }, { from: 'Active', on: 'SprintPaused', to: '$paused' }] })).toEqual([
      'error unknown-source at transitions.0.from.1: from state Activ is not one of the states (did you mean Active?)',
      'error unknown-target at transitions.0.to: target state Closd is not one of the states (did you mean Closed?)',
      'error unknown-target at transitions.1.to: target state $paused is not one of the states (targets resolved when the transition fires are $history, $earlier)',
      'warning unreachable-state at states.1: state Closed cannot be reached from Active; the machine never enters it',
    ]);
  });

  it('refuses exits from a final state', () => {
    expect(problems({ states: ['Active', 'Closed'], final: ['Closed'], transitions: [{ from: 'Active', on: 'SprintClosed', to: 'Closed' }, { from: ['Closed'], on: 'SprintRewound', to: '$earlier' }] })).toEqual([
      'error final-state-exit at transitions.1.from.0: Closed is a final state: no transition may leave it',
    ]);
  });

  it('refuses emitting an event outside the catalog', () => {
    expect(problems({ states: ['A', 'B'], transitions: [{ from: 'A', on: 'SprintPlanned', to: 'B', emit: ['SprintClosed', 'SprintDone'] }] })).toEqual([
      'error unknown-emitted-event at transitions.0.emit.1: unknown event SprintDone; the event log only accepts catalog events',
    ]);
  });

  it('warns about states nothing reaches', () => {
    expect(problems({ states: ['A', 'B', 'Orphan'], transitions: [{ from: 'A', on: 'SprintPlanned', to: 'B' }, { from: 'Orphan', on: 'SprintResumed', to: 'A' }] })).toEqual([
      'warning unreachable-state at states.2: state Orphan cannot be reached from A; the machine never enters it',
    ]);
  });

  it('history and rewind targets reach nothing new', () => {
    expect(problems({ states: ['A', 'B'], transitions: [{ from: 'A', on: 'SprintRewound', to: '$earlier' }, { from: 'A', on: 'SprintResumed', to: '$history' }] })).toEqual([
      'warning unreachable-state at states.1: state B cannot be reached from A; the machine never enters it',
    ]);
  });

  it('warns about an event that is neither a catalog event, an FSM signal, nor emitted by a transition', () => {
    expect(problems({ states: ['A', 'B', 'C'], transitions: [{ from: 'A', on: 'allSprintsClosed', to: 'B' }, { from: 'B', on: 'OutsideSaidSo', to: 'C' }] })).toEqual([
      'warning unheard-event at transitions.1.on: OutsideSaidSo is neither a catalog event, an FSM signal, nor emitted by a transition; it fires only if something outside emits it',
    ]);
  });

  it('warns about a transition an earlier unguarded one shadows, not about a guarded alternative', () => {
    expect(
      problems({
        states: ['A', 'B', 'C'],
        transitions: [
          { from: 'A', on: 'TestsPassed', to: 'B', guard: ['testsPassed'] },
          { from: 'A', on: 'TestsPassed', to: 'C' },
          { from: 'A', on: 'TestsPassed', to: 'B' },
        ],
      }),
    ).toEqual(['warning shadowed-transition at transitions.2: transitions[1] already leaves A on TestsPassed without a guard, so this one is never taken']);
  });
});
