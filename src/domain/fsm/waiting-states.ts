import type { CompiledMachine } from './compiled-machine.js';

/**
 * A lookup of which of `events` each state of a machine waits on: for a machine, one byte per
 * state with bit i set when the state has a transition on `events[i]`. For callers that ask the
 * same questions after every event (the orchestrator's decisions): one array read answers them.
 * Tables are built once per machine.
 *
 * @example
 * const decisions = waitingStates(['SprintReadyToStart', 'GateFailed']);
 * if (decisions(machine)[instance.state] & 0b10) … // the state waits on GateFailed
 */
export function waitingStates(events: readonly string[]): (machine: CompiledMachine) => Uint8Array {
  if (events.length > 8) throw new RangeError(`waitingStates takes at most 8 events, got ${events.length}`);
  const tables = new WeakMap<CompiledMachine, Uint8Array>();
  let last: { machine: CompiledMachine; table: Uint8Array } | undefined;
  return (machine) => {
    if (last?.machine === machine) return last.table;
    let table = tables.get(machine);
    if (table === undefined) {
      table = tableOf(machine, events);
      tables.set(machine, table);
    }
    last = { machine, table };
    return table;
  };
}

/** Does the instance's current state have a transition on `type`? */
export function waitsOn(machine: CompiledMachine, state: number, type: string): boolean {
  const event = machine.eventIndex.get(type);
  return event !== undefined && (machine.slots[state * machine.events.length + event]?.length ?? 0) > 0;
}

function tableOf(machine: CompiledMachine, events: readonly string[]): Uint8Array {
  const table = new Uint8Array(machine.states.length);
  events.forEach((type, bit) => {
    for (let state = 0; state < machine.states.length; state++) {
      if (waitsOn(machine, state, type)) table[state] = (table[state] ?? 0) | (1 << bit);
    }
  });
  return table;
}
