import { describe, expect, it } from 'vitest';
import { assertMachineReplaceable, checkMachineReplacement, migrateInstance } from './check-machine-replacement.js';
import { compileMachine } from './compile-machine.js';
import { describeInstance } from './machine-instance.js';
import { defineMachine, type TestTransition } from './testing/define-machine.js';
import { given } from './testing/given-machine.js';

const sprint = (version: string, states: string[], transitions: TestTransition[], final: string[] = []) =>
  compileMachine(defineMachine({ id: 'sprint', version, states, final, transitions }));

describe('replacing a machine under in-flight instances', () => {
  const v1 = sprint('v1', ['Planning', 'Review', 'Active', 'Paused', 'Closed'], [
    { from: 'Planning', on: 'SprintPlanned', to: 'Review' },
    { from: 'Review', on: 'SprintReadyToStart', to: 'Active' },
    { from: 'Active', on: 'SprintOutputsReady', to: 'Closed' },
    { from: ['Planning', 'Review', 'Active'], on: 'SprintPaused', to: 'Paused' },
    { from: 'Paused', on: 'SprintResumed', to: '$history' },
  ], ['Closed']);
  // v2 drops Review; Active becomes final.
  const v2 = sprint('v2', ['Planning', 'Active', 'Paused', 'Closed'], [
    { from: 'Planning', on: 'SprintPlanned', to: 'Active' },
    { from: ['Planning'], on: 'SprintPaused', to: 'Paused' },
    { from: 'Paused', on: 'SprintResumed', to: '$history' },
  ], ['Active', 'Closed']);

  const inReview = given(v1, 'SprintPlanned').instance;
  const pausedInReview = given(v1, 'SprintPlanned', 'SprintPaused').instance;
  const active = given(v1, 'SprintPlanned', 'SprintReadyToStart').instance;
  const closed = given(v1, 'SprintPlanned', 'SprintReadyToStart', 'SprintOutputsReady').instance;
  const planning = given(v1).instance;

  it('refuses with a clear message for each instance it would strand', () => {
    const problems = checkMachineReplacement(v1, v2, new Map([['s-1', inReview], ['s-2', pausedInReview], ['s-3', active], ['s-4', closed], ['s-5', planning]]));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([
      { severity: 'error', instance: 's-1', message: 's-1 is in state Review, which the sprint machine version v2 no longer has; finish, rewind or abort it first, or keep Review' },
      { severity: 'error', instance: 's-2', message: 's-2 would resume from Paused to Review, which the sprint machine version v2 no longer has' },
      { severity: 'error', instance: 's-3', message: 's-3 is in state Active, which the sprint machine version v2 makes final: it could never move again' },
    ]);
    expect(problems.filter((p) => p.severity === 'warning').map((p) => p.instance)).toEqual(['s-2', 's-3']);
    expect(() => assertMachineReplaceable(v1, v2, [['s-1', inReview]])).toThrow(/cannot replace the sprint machine \(version v1\): s-1 is in state Review/);
  });

  it('accepts a replacement every in-flight instance can continue on, and ignores other versions', () => {
    expect(checkMachineReplacement(v1, v2, [['s-5', planning], ['s-4', closed]])).toEqual([]);
    expect(checkMachineReplacement(v2, v1, [['s-1', inReview]])).toEqual([]);
    expect(() => assertMachineReplaceable(v1, v2, [['s-5', planning]])).not.toThrow();
  });

  it('migrates an instance by state names', () => {
    const moved = migrateInstance(v1, v2, given(v1, 'SprintPaused').instance);
    expect(moved && describeInstance(v2, moved)).toMatchObject({ version: 'v2', state: 'Paused', previous: 'Planning', visited: ['Planning', 'Paused'] });
    expect(migrateInstance(v1, v2, inReview)).toBeUndefined();
  });
});
