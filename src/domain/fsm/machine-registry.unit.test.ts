import { describe, expect, it } from 'vitest';
import { compileMachine } from './compile-machine.js';
import { createInstance } from './machine-instance.js';
import { createMachineRegistry } from './machine-registry.js';
import { defineMachine } from './testing/define-machine.js';

const version = (id: string, v: string, states = ['A', 'B']) =>
  compileMachine(defineMachine({ id, version: v, states, transitions: [{ from: 'A', on: 'SprintPlanned', to: 'B' }] }));

describe('MachineRegistry', () => {
  const sprintV1 = version('sprint', 'v1');
  const sprintV2 = version('sprint', 'v2', ['A', 'B', 'C']);
  const milestone = version('milestone', 'm1');

  it('keeps every version by id and version, the last added current', () => {
    const registry = createMachineRegistry([sprintV1, milestone]).with(sprintV2);
    expect(registry.get('sprint', 'v1')).toBe(sprintV1);
    expect(registry.get('sprint', 'v2')).toBe(sprintV2);
    expect(registry.current('sprint')).toBe(sprintV2);
    expect(registry.current('milestone')).toBe(milestone);
    expect(registry.versions('sprint')).toEqual(['v1', 'v2']);
    expect(registry.get('sprint', 'v3')).toBeUndefined();
  });

  it('gives an in-flight instance the version it started with', () => {
    const started = createInstance(sprintV1, 1);
    const registry = createMachineRegistry([sprintV1]).with(sprintV2);
    expect(registry.forInstance(started)).toBe(sprintV1);
    expect(registry.forInstance(createInstance(registry.current('sprint') ?? sprintV1, 2))).toBe(sprintV2);
  });

  it('is immutable, and re-adding a version makes it current without duplicating it', () => {
    const first = createMachineRegistry([sprintV1]);
    const second = first.with(sprintV2).with(version('sprint', 'v1'));
    expect(first.current('sprint')).toBe(sprintV1);
    expect(first.versions('sprint')).toEqual(['v1']);
    expect(second.current('sprint')).toBe(sprintV1);
    expect(second.versions('sprint')).toEqual(['v1', 'v2']);
  });
});
