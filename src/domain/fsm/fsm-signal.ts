/**
 * Names a transition may fire `on` that are not events of the catalog: conditions the orchestrator
 * derives from the log (DESIGN.md section 5, milestone machine).
 */
export const FsmSignal = {
  AllSprintsClosed: 'allSprintsClosed',
  GatesPassed: 'gatesPassed',
  GatesFailed: 'gatesFailed',
  EvidenceChanged: 'evidenceChanged',
} as const;
export type FsmSignal = (typeof FsmSignal)[keyof typeof FsmSignal];

const signals: ReadonlySet<string> = new Set(Object.values(FsmSignal));

/** All FSM signal names. */
export const fsmSignalNames: readonly FsmSignal[] = Object.values(FsmSignal);

/** Is `name` an FSM signal? */
export function isFsmSignal(name: string): name is FsmSignal {
  return signals.has(name);
}

