import type { JsonObject } from '../events/envelope.js';

/** An event the QA validator reports (the runtime's `AgentReport` accepts it as it is). */
export interface QaEvent {
  type: 'SprintTestPlanReady' | 'TestRunCompleted' | 'CoverageReported';
  featureId?: string;
  data: JsonObject;
}
