import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMachine } from './compile-machine.js';
import { TargetKind, type CompiledMachine } from './compiled-machine.js';
import { createInstance, hasVisited, type MachineInstance } from './machine-instance.js';
import { defineMachine, type TestTransition } from './testing/define-machine.js';
import { transition, type MachineEvent } from './transition.js';

const eventPool = ['SprintPlanned', 'SprintPaused', 'SprintResumed', 'SprintRewound', 'SprintAborted', 'TestsPassed', 'allSprintsClosed'];

/** A random machine that validates: 1–8 states, transitions among them and to `$history`/`$earlier`, some guarded. */
const machineArbitrary = fc.integer({ min: 1, max: 8 }).chain((count) => {
  const states = Array.from({ length: count }, (_, i) => `S${i}`);
  const transitionArbitrary = fc.record({
    from: fc.uniqueArray(fc.constantFrom(...states), { minLength: 1, maxLength: count }),
    on: fc.constantFrom(...eventPool),
    to: fc.constantFrom(...states, '$history', '$earlier'),
    guard: fc.constantFrom<string[]>([], [], ['testsPassed']),
  });
  return fc.array(transitionArbitrary, { maxLength: 16 }).map((transitions: TestTransition[]) => compileMachine(defineMachine({ states, transitions })));
});

interface Step {
  type: string;
  target: string | undefined;
  gatesPass: boolean;
}

const stepsArbitrary = fc.array(
  fc.record({
    type: fc.constantFrom(...eventPool, 'UnknownEvent'),
    target: fc.option(fc.constantFrom('S0', 'S1', 'S2', 'S3', 'S7', 'Nowhere'), { nil: undefined }),
    gatesPass: fc.boolean(),
  }),
  { maxLength: 60 },
);

function run(machine: CompiledMachine, steps: readonly Step[], observe?: (before: MachineInstance, after: MachineInstance, taken: boolean, event: MachineEvent) => void): MachineInstance {
  let instance = createInstance(machine, 1);
  steps.forEach((step, index) => {
    const event: MachineEvent = { type: step.type, position: index + 2, target: step.target };
    const result = transition(machine, instance, event, () => step.gatesPass);
    const after = result.kind === 'taken' ? result.instance : instance;
    if (result.kind === 'taken' && result.transition.target === TargetKind.Earlier) {
      expect(hasVisited(instance, after.state), 'a rewind only returns to a visited state').toBe(true);
    }
    observe?.(instance, after, result.kind === 'taken', event);
    instance = after;
  });
  return instance;
}

describe('transition (properties)', () => {
  it('random event sequences never reach an undefined state', () => {
    fc.assert(
      fc.property(machineArbitrary, stepsArbitrary, (machine, steps) => {
        let taken = 0;
        run(machine, steps, (before, after, wasTaken, event) => {
          const count = machine.states.length;
          expect(Number.isInteger(after.state) && after.state >= 0 && after.state < count).toBe(true);
          expect(after.previous >= -1 && after.previous < count).toBe(true);
          expect(hasVisited(after, after.state)).toBe(true);
          // No bit beyond the machine's states is ever set.
          expect(after.visited.length).toBe(Math.ceil(count / 32));
          expect((after.visited[0] as number) >>> Math.min(count, 31) === 0 || count >= 32).toBe(true);
          if (machine.terminal[before.state] === true) expect(after).toBe(before);
          if (wasTaken) {
            taken += 1;
            expect(after.enteredAt).toBe(event.position);
          } else expect(after).toBe(before);
          expect(after.transitions).toBe(taken);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('replaying the same events gives the same instance', () => {
    fc.assert(
      fc.property(machineArbitrary, stepsArbitrary, (machine, steps) => {
        expect(run(machine, steps)).toEqual(run(machine, steps));
      }),
      { numRuns: 300 },
    );
  });
});
