import { describe, expect, it } from 'vitest';
import { AgentSlots, type Release } from './agent-slots.js';

/** Lets pending promise callbacks run. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('AgentSlots', () => {
  it('runs at most an agent\'s concurrency at once, first come first served, agents apart', async () => {
    const slots = new AgentSlots((agentId) => (agentId === 'dev' ? 2 : 1));
    const granted: string[] = [];
    const releases = new Map<string, Release>();
    for (const name of ['dev-1', 'dev-2', 'dev-3', 'qa-1', 'qa-2']) {
      void slots.acquire(name.split('-')[0] as string, false).then((release) => {
        granted.push(name);
        releases.set(name, release);
      });
    }
    await settle();
    expect(granted).toEqual(['dev-1', 'dev-2', 'qa-1']);
    releases.get('dev-1')?.();
    releases.get('dev-1')?.(); // a second release gives nothing back
    await settle();
    expect(granted).toEqual(['dev-1', 'dev-2', 'qa-1', 'dev-3']);
    expect(slots.running('dev')).toBe(2);
  });

  it('runs an isolated execution alone, and holds later ones until it ends', async () => {
    const slots = new AgentSlots(() => 3);
    const granted: string[] = [];
    const releases = new Map<string, Release>();
    const ask = (name: string, exclusive: boolean): void => {
      void slots.acquire('dev', exclusive).then((release) => {
        granted.push(name);
        releases.set(name, release);
      });
    };
    ask('shared-1', false);
    ask('isolated', true);
    ask('shared-2', false);
    await settle();
    expect(granted).toEqual(['shared-1']);
    releases.get('shared-1')?.();
    await settle();
    expect(granted).toEqual(['shared-1', 'isolated']);
    expect(slots.running('dev')).toBe(1);
    releases.get('isolated')?.();
    await settle();
    expect(granted).toEqual(['shared-1', 'isolated', 'shared-2']);
  });
});
