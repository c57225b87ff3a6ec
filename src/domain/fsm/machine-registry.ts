import type { CompiledMachine } from './compiled-machine.js';
import type { MachineInstance } from './machine-instance.js';

/**
 * Compiled machines by id and version. An instance keeps the version it started with, so the
 * registry keeps every version some instance may still run, and names the current one per id for
 * new instances. Immutable: `with` returns a new registry.
 */
export interface MachineRegistry {
  /** The machine of this id and version, if registered. */
  get(id: string, version: string): CompiledMachine | undefined;
  /** The version new instances of `id` start with. */
  current(id: string): CompiledMachine | undefined;
  /** The machine an instance runs. */
  forInstance(instance: MachineInstance): CompiledMachine | undefined;
  /** Registered versions of `id`, oldest first. */
  versions(id: string): readonly string[];
  /** A registry with `machine` added (kept if already there) and made current for its id. */
  with(machine: CompiledMachine): MachineRegistry;
}

/**
 * A registry of the given machines; for each id, the last one given is current.
 *
 * @example
 * const registry = createMachineRegistry([sprintV1]).with(sprintV2);
 * registry.forInstance(startedOnV1) === sprintV1; registry.current('sprint') === sprintV2
 */
export function createMachineRegistry(machines: Iterable<CompiledMachine> = []): MachineRegistry {
  let registry = registryOf(new Map(), new Map(), new Map());
  for (const machine of machines) registry = registry.with(machine);
  return registry;
}

function registryOf(
  byKey: ReadonlyMap<string, CompiledMachine>,
  versions: ReadonlyMap<string, readonly string[]>,
  current: ReadonlyMap<string, CompiledMachine>,
): MachineRegistry {
  // Instances nearly always run the latest version of their machine: remember the last found per
  // id (a short list: a board runs two or three machines, and comparing ids beats hashing them).
  const lastFound: CompiledMachine[] = [];
  return {
    get: (id, version) => byKey.get(keyOf(id, version)),
    current: (id) => current.get(id),
    forInstance: (instance) => {
      for (let index = 0; index < lastFound.length; index++) {
        const last = lastFound[index] as CompiledMachine;
        if (last.id === instance.machine && last.version === instance.version) return last;
      }
      const found = byKey.get(keyOf(instance.machine, instance.version));
      if (found !== undefined) {
        const sameId = lastFound.findIndex((last) => last.id === found.id);
        if (sameId >= 0) lastFound[sameId] = found;
        else lastFound.push(found);
      }
      return found;
    },
    versions: (id) => versions.get(id) ?? [],
    with: (machine) => {
      const key = keyOf(machine.id, machine.version);
      const kept = byKey.get(key);
      if (kept !== undefined) return registryOf(byKey, versions, new Map(current).set(machine.id, kept));
      return registryOf(
        new Map(byKey).set(key, machine),
        new Map(versions).set(machine.id, [...(versions.get(machine.id) ?? []), machine.version]),
        new Map(current).set(machine.id, machine),
      );
    },
  };
}

function keyOf(id: string, version: string): string {
  return `${id}\u0000${version}`;
}
