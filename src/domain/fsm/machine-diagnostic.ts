/** What is wrong with a state machine definition. */
export const MachineProblem = {
  NoStates: 'no-states',
  DuplicateState: 'duplicate-state',
  ReservedStateName: 'reserved-state-name',
  UnknownInitial: 'unknown-initial',
  UnknownFinal: 'unknown-final',
  UnknownSource: 'unknown-source',
  UnknownTarget: 'unknown-target',
  FinalStateExit: 'final-state-exit',
  UnreachableState: 'unreachable-state',
  UnknownEmittedEvent: 'unknown-emitted-event',
  UnheardEvent: 'unheard-event',
  ShadowedTransition: 'shadowed-transition',
} as const;
export type MachineProblem = (typeof MachineProblem)[keyof typeof MachineProblem];

/**
 * One problem of a definition, at a path into the definition (`['transitions', 3, 'to']`) that the
 * artifacts layer maps to a line and column of the YAML file.
 */
export interface MachineDiagnostic {
  severity: 'error' | 'warning';
  problem: MachineProblem;
  message: string;
  path: (string | number)[];
}
