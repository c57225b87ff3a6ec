/** What the QA validator does in a state. */
export const QaStage = {
  /** Before the sprint starts: check the test trace matrix and report SprintTestPlanReady. */
  TestPlan: 'testPlan',
  /** From Active on: read test and coverage reports and report TestRunCompleted and CoverageReported. */
  Verification: 'verification',
} as const;
export type QaStage = (typeof QaStage)[keyof typeof QaStage];

/** The states of the default sprint machine before work starts: no report can exist yet. */
const beforeStart: ReadonlySet<string> = new Set(['Planning', 'ValidatingScope', 'ValidatingInfra', 'Ready']);

/**
 * The stage of the sprint state that activated the validator: the test plan in ValidatingScope
 * (and the other states before Active), verification in Verifying and any other state (a
 * `kairos retry` in RetryPhase, a state of a replaced machine).
 */
export function qaStageOf(currentState: string): QaStage {
  return beforeStart.has(currentState) ? QaStage.TestPlan : QaStage.Verification;
}
