import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../domain/errors/index.js';
import { loadDefaultMachine, loadMachines } from './load-machines.js';

describe('loadMachines', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'kairos-machines-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const writeMachine = async (name: string, text: string): Promise<void> => {
    await mkdir(join(root, 'planning', 'fsm'), { recursive: true });
    await writeFile(join(root, 'planning', 'fsm', name), text);
  };

  it('runs the defaults in a workspace that replaces none', async () => {
    const machines = await loadMachines(root);
    expect(Object.keys(machines)).toEqual(['sprint', 'milestone', 'phase']);
    expect(machines.sprint).toEqual(await loadDefaultMachine('sprint'));
    expect(machines.milestone.initial).toBe('Pending');
  });

  it('runs a replacement from planning/fsm, by its id or its file name, with its own version', async () => {
    await writeMachine('short-sprint.yaml', 'id: sprint\nstates: [Planning, Closed]\ntransitions:\n  - {from: Planning, on: SprintClosed, to: Closed}\n');
    await writeMachine('phase.yml', 'states: [Only]\ntransitions: []\n');
    const machines = await loadMachines(root);
    expect(machines.sprint.states).toEqual(['Planning', 'Closed']);
    expect(machines.sprint.version).not.toBe((await loadDefaultMachine('sprint')).version);
    expect(machines.phase.states).toEqual(['Only']);
    expect(machines.milestone).toEqual(await loadDefaultMachine('milestone'));
  });

  it('takes the replacements of an already loaded workspace', async () => {
    const replacement = { ...(await loadDefaultMachine('milestone')), id: 'milestone', initial: 'Active', version: 'x' };
    expect((await loadMachines({ stateMachines: [replacement] })).milestone).toBe(replacement);
  });

  it('refuses an invalid replacement, every problem located', async () => {
    await writeMachine('sprint.yaml', 'states: [Planning, Closed]\nfinal: [Closed]\ntransitions:\n  - {from: Closed, on: SprintRewound, to: Planing}\n');
    const error = await loadMachines(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`)).toEqual([
      '1:20 warning state Closed cannot be reached from Planning; the machine never enters it',
      '4:12 error Closed is a final state: no transition may leave it',
      '4:43 error target state Planing is not one of the states (did you mean Planning?)',
    ]);
  });

  it('refuses two files replacing the same machine', async () => {
    await writeMachine('a.yaml', 'id: sprint\nstates: [A]\ntransitions: []\n');
    await writeMachine('b.yaml', 'id: sprint\nstates: [B]\ntransitions: []\n');
    await expect(loadMachines(root)).rejects.toThrow(/a.yaml already replaces the sprint machine/);
  });
});
