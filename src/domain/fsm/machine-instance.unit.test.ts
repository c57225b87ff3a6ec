import { describe, expect, it } from 'vitest';
import { compileMachine } from './compile-machine.js';
import { createInstance, describeInstance, hasVisited, isTerminal } from './machine-instance.js';
import { defineMachine } from './testing/define-machine.js';
import { given } from './testing/given-machine.js';

describe('machine instances', () => {
  const machine = compileMachine(defineMachine({ states: ['A', 'B'], final: ['B'], transitions: [{ from: 'A', on: 'SprintClosed', to: 'B' }] }));

  it('start in the initial state, entered at the creating position, having visited only it', () => {
    const instance = createInstance(machine, 12);
    expect(describeInstance(machine, instance)).toEqual({ machine: 'test', version: 'v1', state: 'A', previous: null, visited: ['A'], enteredAt: 12, transitions: 0, terminal: false });
    expect(JSON.parse(JSON.stringify(instance))).toEqual(instance);
  });

  it('know when they are terminal', () => {
    expect(isTerminal(machine, given(machine, 'SprintClosed').instance)).toBe(true);
  });

  it('track visited states beyond 32 states', () => {
    const states = Array.from({ length: 70 }, (_, i) => `S${i}`);
    const long = compileMachine(defineMachine({ states, transitions: states.slice(1).map((to, i) => ({ from: `S${i}`, on: 'SprintCheckpoint', to })) }));
    const instance = given(long, ...Array.from({ length: 69 }, () => 'SprintCheckpoint')).instance;
    expect(describeInstance(long, instance).state).toBe('S69');
    expect(states.every((_, i) => hasVisited(instance, i))).toBe(true);
    expect(instance.visited).toHaveLength(3);
    const early = given(long, 'SprintCheckpoint', 'SprintCheckpoint').instance;
    expect([0, 1, 2, 3, 33, 64].map((i) => hasVisited(early, i))).toEqual([true, true, true, false, false, false]);
  });
});
