import type { CompiledMachine } from './compiled-machine.js';

/**
 * The live state of one machine instance (one sprint's, one milestone's): a few numbers and two
 * shared strings, about a hundred bytes of heap. States are indexes into the compiled machine of
 * `version`, which the instance keeps for its whole life. JSON-safe.
 */
export interface MachineInstance {
  /** The machine's id, e.g. `sprint`. */
  readonly machine: string;
  /** The definition version the instance started with. */
  readonly version: string;
  /** Index of the current state. */
  readonly state: number;
  /** Index of the state left on entering the current one (what `$history` returns to); -1 for none. */
  readonly previous: number;
  /** States ever entered, as a bit set in 32-bit words (state `i` is bit `i % 32` of word `i >> 5`). */
  readonly visited: readonly number[];
  /** Log position of the event that entered the current state (of the creating event at first). */
  readonly enteredAt: number;
  /** How many transitions the instance has taken. */
  readonly transitions: number;
}

/** The instance as names, for `fsm-state.json`, logs and messages. */
export interface InstanceSnapshot {
  machine: string;
  version: string;
  state: string;
  previous: string | null;
  visited: string[];
  enteredAt: number;
  transitions: number;
  terminal: boolean;
}

/** A new instance in the machine's initial state, created by the event at log `position`. */
export function createInstance(machine: CompiledMachine, position: number): MachineInstance {
  return makeInstance(machine.id, machine.version, machine.initial, -1, withVisited([], machine.initial), position, 0);
}

/** Builds an instance; every instance has this one shape (same keys, same order), which keeps property reads fast. */
export function makeInstance(
  machine: string,
  version: string,
  state: number,
  previous: number,
  visited: readonly number[],
  enteredAt: number,
  transitions: number,
): MachineInstance {
  return { machine, version, state, previous, visited, enteredAt, transitions };
}

/** Has the instance ever been in `state` (an index)? */
export function hasVisited(instance: MachineInstance, state: number): boolean {
  const word = instance.visited[state >>> 5];
  return word !== undefined && ((word >>> (state & 31)) & 1) === 1;
}

/** `visited` with `state` added (a new list; the given one is not changed). */
export function withVisited(visited: readonly number[], state: number): readonly number[] {
  const index = state >>> 5;
  // Exact-size copies: an array grown by push() reserves room for 16 more words per instance.
  const words = index < visited.length ? visited.slice() : visited.concat(new Array<number>(index + 1 - visited.length).fill(0));
  words[index] = ((words[index] as number) | (1 << (state & 31))) | 0;
  return words;
}

/** Is the instance in a state that takes no event (declared final, or left by no transition)? */
export function isTerminal(machine: CompiledMachine, instance: MachineInstance): boolean {
  return machine.terminal[instance.state] === true;
}

/** The instance with names instead of indexes. */
export function describeInstance(machine: CompiledMachine, instance: MachineInstance): InstanceSnapshot {
  return {
    machine: instance.machine,
    version: instance.version,
    state: machine.states[instance.state] ?? `#${instance.state}`,
    previous: instance.previous < 0 ? null : (machine.states[instance.previous] ?? `#${instance.previous}`),
    visited: machine.states.filter((_, index) => hasVisited(instance, index)),
    enteredAt: instance.enteredAt,
    transitions: instance.transitions,
    terminal: isTerminal(machine, instance),
  };
}
