/**
 * Targets a transition's `to` may name instead of a state, resolved when the transition fires:
 * `$history` is the state the instance left when it entered its current state (resume after a
 * pause); `$earlier` is a state named by the event that the instance has been in before (rewind).
 */
export const TargetRef = {
  History: '$history',
  Earlier: '$earlier',
} as const;
export type TargetRef = (typeof TargetRef)[keyof typeof TargetRef];

const targetRefs: ReadonlySet<string> = new Set(Object.values(TargetRef));

/** Every target reference, for messages and schemas. */
export const targetRefNames: readonly TargetRef[] = Object.values(TargetRef);

/** Is `to` a target resolved at run time rather than a state name? */
export function isTargetRef(to: string): to is TargetRef {
  return targetRefs.has(to);
}

/** Is `name` reserved, so that no state may be called it (`*` and anything starting with `$`)? */
export function isReservedStateName(name: string): boolean {
  return name === '*' || name.startsWith('$');
}
