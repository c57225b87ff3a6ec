/** Why the planner could not place a feature (the spec's four reasons to emit FeatureDeferred). */
export const DeferralKind = {
  MissingPrerequisite: 'missingPrerequisite',
  BlockedByTrace: 'blockedByTrace',
  OutOfCapacity: 'outOfCapacity',
  ManuallyPaused: 'manuallyPaused',
} as const;
export type DeferralKind = (typeof DeferralKind)[keyof typeof DeferralKind];

/** A typed deferral reason; `describeDeferral` says it in words. */
export type Deferral =
  /** A feature it depends on is unknown, deferred itself, or part of a dependency cycle. */
  | { kind: 'missingPrerequisite'; prerequisite: string; unknown?: boolean; cycle?: string[] }
  /** A feature it depends on is blocked, waiting for a person, in another sprint's trace. */
  | { kind: 'blockedByTrace'; prerequisite: string; sprintId: string; traceId?: string }
  /** No sprint has room: `role` is the agent role whose capacity ran out (absent: the sprint's total effort). */
  | { kind: 'outOfCapacity'; role?: string; needed: number; capacity: number }
  /** A person paused it (`kairos defer`, `status: deferred`, a `manual-defer` or `human-blocked` label). */
  | { kind: 'manuallyPaused'; by?: string; note?: string };

/** The deferral in plain words, for events, reports and `kairos status`. */
export function describeDeferral(deferral: Deferral): string {
  switch (deferral.kind) {
    case 'missingPrerequisite':
      if (deferral.cycle !== undefined) return `missing prerequisite: dependsOn cycle ${deferral.cycle.join(' → ')}`;
      return deferral.unknown === true
        ? `missing prerequisite: ${deferral.prerequisite} is not in the backlog`
        : `missing prerequisite: ${deferral.prerequisite} is deferred`;
    case 'blockedByTrace':
      return `blocked by another trace: ${deferral.prerequisite} waits for a person in ${deferral.sprintId}${deferral.traceId === undefined ? '' : ` (${deferral.traceId})`}`;
    case 'outOfCapacity':
      if (deferral.capacity === 0 && deferral.role !== undefined) return `out of agent capacity: no agent answers to ${deferral.role}`;
      return `out of agent capacity: ${deferral.role ?? 'a sprint'} takes ${deferral.capacity} effort per sprint, ${deferral.needed} needed`;
    case 'manuallyPaused':
      return `manually paused${deferral.by === undefined ? '' : ` by ${deferral.by}`}${deferral.note === undefined ? '' : `: ${deferral.note}`}`;
    default: {
      const unreachable: never = deferral;
      return unreachable;
    }
  }
}
