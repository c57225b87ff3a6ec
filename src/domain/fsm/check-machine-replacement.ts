import { ErrorCode, KairosError } from '../errors/kairos-error.js';
import { TargetKind, type CompiledMachine } from './compiled-machine.js';
import { hasVisited, makeInstance, withVisited, type MachineInstance } from './machine-instance.js';

/** Why an in-flight instance could not continue on a replacement machine. */
export interface ReplacementProblem {
  severity: 'error' | 'warning';
  /** The instance's key, e.g. its sprint id. */
  instance: string;
  message: string;
}

/**
 * Checks whether `next` can take over the in-flight (non-terminal) instances of `previous`, keyed
 * by id (a `Map` of sprint id to instance works): errors when an instance's state no longer exists
 * or became final, or when it could resume from a pause only to a state that no longer exists;
 * warnings for visited states that are gone (a rewind can no longer return there). Instances of
 * other machines or versions are not concerned.
 */
export function checkMachineReplacement(
  previous: CompiledMachine,
  next: CompiledMachine,
  instances: Iterable<readonly [string, MachineInstance]>,
): ReplacementProblem[] {
  const problems: ReplacementProblem[] = [];
  if (previous.id !== next.id) {
    return [{ severity: 'error', instance: '', message: `machine ${next.id} cannot replace machine ${previous.id}` }];
  }
  const where = `the ${next.id} machine version ${next.version}`;
  for (const [key, instance] of instances) {
    if (instance.machine !== previous.id || instance.version !== previous.version || previous.terminal[instance.state] === true) continue;
    const error = (message: string): void => void problems.push({ severity: 'error', instance: key, message });
    const state = previous.states[instance.state] as string;
    const moved = next.stateIndex.get(state);
    if (moved === undefined) {
      error(`${key} is in state ${state}, which ${where} no longer has; finish, rewind or abort it first, or keep ${state}`);
      continue;
    }
    if (next.definition.final.includes(state)) error(`${key} is in state ${state}, which ${where} makes final: it could never move again`);
    const resumes = next.transitions.some((t) => t.target === TargetKind.History && t.from.includes(moved));
    const left = instance.previous < 0 ? undefined : previous.states[instance.previous];
    if (resumes && left !== undefined && !next.stateIndex.has(left)) {
      error(`${key} would resume from ${state} to ${left}, which ${where} no longer has`);
    }
    const gone = previous.states.filter((name, index) => hasVisited(instance, index) && !next.stateIndex.has(name));
    if (gone.length > 0) {
      problems.push({ severity: 'warning', instance: key, message: `${key} could no longer be rewound to ${gone.join(', ')}, which ${where} no longer has` });
    }
  }
  return problems;
}

/**
 * Refuses a replacement that would strand an in-flight instance.
 *
 * @throws KairosError (code REFUSED) listing every instance that could not continue.
 */
export function assertMachineReplaceable(previous: CompiledMachine, next: CompiledMachine, instances: Iterable<readonly [string, MachineInstance]>): void {
  const errors = checkMachineReplacement(previous, next, instances).filter((p) => p.severity === 'error');
  if (errors.length === 0) return;
  throw new KairosError(ErrorCode.Refused, `cannot replace the ${previous.id} machine (version ${previous.version}): ${errors.map((p) => p.message).join('; ')}`);
}

/**
 * The instance moved onto `next`, its states matched by name; undefined when its current state is
 * missing there. Visited states that `next` lacks are dropped.
 */
export function migrateInstance(previous: CompiledMachine, next: CompiledMachine, instance: MachineInstance): MachineInstance | undefined {
  const state = next.stateIndex.get(previous.states[instance.state] ?? '');
  if (state === undefined) return undefined;
  const left = instance.previous < 0 ? undefined : next.stateIndex.get(previous.states[instance.previous] ?? '');
  let visited: readonly number[] = [];
  previous.states.forEach((name, index) => {
    const moved = next.stateIndex.get(name);
    if (moved !== undefined && hasVisited(instance, index)) visited = withVisited(visited, moved);
  });
  return makeInstance(next.id, next.version, state, left ?? -1, visited, instance.enteredAt, instance.transitions);
}
