import { describe, expect, it } from 'vitest';
import { readSpecFixture } from '../testing/read-spec-fixture.js';
import { checkSource } from '../validation/check-source.js';
import { normalizeStateMachine } from './normalize-state-machine.js';
import type { StateMachineFile } from './state-machine-schema.js';

function machineOf(text: string, fallbackId: string) {
  const checked = checkSource(text, `${fallbackId}.yaml`, { kind: 'state-machine' });
  expect(checked.valid).toBe(true);
  return normalizeStateMachine(checked.source.value as StateMachineFile, fallbackId);
}

describe('normalizeStateMachine', () => {
  it("reads the spec's machine: id from the file name, initial from the first state", () => {
    const machine = machineOf(readSpecFixture('state-machine-sprint.yaml'), 'sprint');
    expect(machine).toMatchObject({ id: 'sprint', initial: 'Planning', final: [], states: ['Planning', 'WaitingForValidation', 'Active', 'Verifying', 'Closed'] });
    expect(machine.transitions[1]).toEqual({ from: ['WaitingForValidation'], on: 'GateConditionsSatisfied', to: 'Active', guard: [], emit: [], activate: [] });
  });

  it('expands "*" to every open state and makes lists of single values', () => {
    const text = 'id: m\nstates: [A, B, Done]\nfinal: [Done]\ntransitions:\n  - {from: "*", on: SprintAborted, to: Done, guard: allTestsPassed, emit: SprintAborted, activate: qa}\n';
    expect(machineOf(text, 'file').transitions).toEqual([
      { from: ['A', 'B'], on: 'SprintAborted', to: 'Done', guard: [{ gate: 'testsPassed', written: 'allTestsPassed' }], emit: ['SprintAborted'], activate: ['qa'] },
    ]);
  });
});
