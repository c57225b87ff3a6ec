import { describe, expect, it } from 'vitest';
import { compileMachine } from './compile-machine.js';
import { createInstance, describeInstance } from './machine-instance.js';
import { defineMachine } from './testing/define-machine.js';
import { given } from './testing/given-machine.js';
import { evolveInstance, transition } from './transition.js';

const machine = compileMachine(
  defineMachine({
    states: ['Draft', 'Review', 'Published', 'Paused', 'Archived'],
    final: ['Archived'],
    transitions: [
      { from: 'Draft', on: 'SprintPlanned', to: 'Review', emit: ['SprintStarted'], activate: ['qa'] },
      { from: 'Review', on: 'ValidationPassed', to: 'Published', guard: ['testsPassed', 'blueprintValidated'] },
      { from: 'Review', on: 'ValidationPassed', to: 'Draft', guard: ['traceMatrixComplete'] },
      { from: 'Review', on: 'ValidationPassed', to: 'Archived' },
      { from: 'Published', on: 'SprintCheckpoint', to: 'Published' },
      { from: ['Draft', 'Review', 'Published'], on: 'SprintPaused', to: 'Paused' },
      { from: 'Paused', on: 'SprintResumed', to: '$history' },
      { from: 'Draft', on: 'SprintResumed', to: '$history' },
      { from: ['Draft', 'Review', 'Published', 'Paused'], on: 'SprintRewound', to: '$earlier' },
      { from: ['Draft', 'Review', 'Published', 'Paused'], on: 'SprintAborted', to: 'Archived' },
    ],
  }),
);

describe('transition', () => {
  it('takes the transition of the current state and event, with what to do on entry', () => {
    const outcome = given(machine).when('SprintPlanned').thenState('Review');
    expect(outcome.result).toMatchObject({ kind: 'taken', from: 'Draft', to: 'Review', emit: ['SprintStarted'], activate: ['qa'] });
    expect(outcome.instance).toMatchObject({ previous: 0, enteredAt: 2, transitions: 1 });
  });

  it('leaves its arguments unchanged', () => {
    const before = createInstance(machine, 7);
    const copy = structuredClone(before);
    transition(machine, before, { type: 'SprintPlanned', position: 8 });
    expect(before).toEqual(copy);
  });

  it('says an event means nothing when no transition leaves the state on it, or the machine never heard of it', () => {
    given(machine).when('ValidationPassed').thenNotApplicable('no-transition');
    given(machine).when('NotAnEventOfThisMachine').thenNotApplicable('no-transition');
  });

  it('refuses every event in a final state', () => {
    given(machine, 'SprintAborted').when('SprintRewound').thenNotApplicable('terminal');
    given(machine, 'SprintAborted').when('SprintPaused').thenNotApplicable('terminal');
  });

  describe('guards', () => {
    it('without a guard check, returns the gates of the first guarded candidate for the caller to evaluate', () => {
      given(machine, 'SprintPlanned').when('ValidationPassed').thenGuarded(['testsPassed', 'blueprintValidated']);
    });

    it('takes the first candidate whose gates pass', () => {
      given(machine, 'SprintPlanned').when('ValidationPassed', () => true).thenState('Published');
      given(machine, 'SprintPlanned')
        .when('ValidationPassed', (gates) => gates.every((g) => g.gate === 'traceMatrixComplete'))
        .thenState('Draft');
    });

    it('falls through to an unguarded candidate when every guard fails', () => {
      given(machine, 'SprintPlanned').when('ValidationPassed', () => false).thenState('Archived');
    });

    it('reports the first blocked candidate when no candidate passes', () => {
      const guarded = compileMachine(defineMachine({ states: ['A', 'B'], transitions: [{ from: 'A', on: 'TestsPassed', to: 'B', guard: ['testsPassed'] }] }));
      given(guarded).when('TestsPassed', () => false).thenGuarded(['testsPassed']);
    });

    it('hands the check the gates and the transition they guard', () => {
      const seen: string[] = [];
      given(machine, 'SprintPlanned').when('ValidationPassed', (gates, t) => {
        seen.push(`${t.index}:${gates.map((g) => g.gate).join('+')}`);
        return false;
      });
      expect(seen).toEqual(['1:testsPassed+blueprintValidated', '2:traceMatrixComplete']);
    });
  });

  describe('history ($history)', () => {
    it('returns to the state left on pausing', () => {
      given(machine, 'SprintPlanned', 'SprintPaused').when('SprintResumed').thenState('Review');
      given(machine, 'SprintPlanned', { type: 'ValidationPassed' }, 'SprintPaused').when('SprintResumed').thenState('Published');
    });

    it('refuses when the current state was entered first and there is nothing to return to', () => {
      given(machine).when('SprintResumed').thenRefused(/Draft was entered first/);
    });

    it('a self-transition keeps the history, so a resume never returns to the state itself', () => {
      const outcome = given(machine, 'SprintPlanned', 'ValidationPassed').when('SprintCheckpoint').thenState('Published');
      expect(describeInstance(machine, outcome.instance).previous).toBe('Review');
    });
  });

  describe('rewind ($earlier)', () => {
    it('returns to a state the instance has been in before, keeping what it visited', () => {
      const outcome = given(machine, 'SprintPlanned', 'ValidationPassed').when({ type: 'SprintRewound', target: 'Draft' }).thenState('Draft');
      expect(describeInstance(machine, outcome.instance)).toMatchObject({ previous: 'Published', visited: ['Draft', 'Review', 'Published'], transitions: 3 });
    });

    it('refuses a state never visited, an unknown state, the current state and a missing target', () => {
      given(machine, 'SprintPlanned').when({ type: 'SprintRewound', target: 'Published' }).thenRefused(/Published is not a state this instance has been in/);
      given(machine, 'SprintPlanned').when({ type: 'SprintRewound', target: 'Nowhere' }).thenRefused(/Nowhere is not a state of the test machine/);
      given(machine, 'SprintPlanned').when({ type: 'SprintRewound', target: 'Review' }).thenRefused(/already in Review/);
      given(machine, 'SprintPlanned').when('SprintRewound').thenRefused(/must name the earlier state/);
    });

    it('from a paused state', () => {
      given(machine, 'SprintPlanned', 'SprintPaused').when({ type: 'SprintRewound', target: 'Draft' }).thenState('Draft');
    });
  });

  it('refuses an instance of another version of the machine', () => {
    const other = compileMachine({ ...machine.definition, version: 'v2' });
    const result = transition(other, createInstance(machine, 1), { type: 'SprintPlanned', position: 2 });
    expect(result).toMatchObject({ kind: 'refused', reason: 'the instance runs test machine version v1, not v2' });
  });

  it('evolveInstance is total: the same instance when nothing is taken', () => {
    const start = createInstance(machine, 1);
    expect(evolveInstance(machine, start, { type: 'SprintResumed', position: 2 })).toBe(start);
    expect(evolveInstance(machine, start, { type: 'SprintPlanned', position: 2 }).state).toBe(1);
  });
});
