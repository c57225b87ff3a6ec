import type { JsonObject } from '../events/envelope.js';
import type { GateRef } from '../gates/gate-catalog.js';

/** Whether a sprint may share agent executions with other sprints. */
export const ConcurrencyPolicy = { Shared: 'shared', Isolated: 'isolated' } as const;
export type ConcurrencyPolicy = (typeof ConcurrencyPolicy)[keyof typeof ConcurrencyPolicy];

/**
 * One sprint of `sprints.yaml` or `sprint-plan.yaml`; the `includes: [{Milestone}, {Features},
 * {Agents}]` form and the flat form are merged.
 */
export interface Sprint {
  id: string;
  name?: string;
  goal?: string;
  milestone?: string;
  module?: string;
  phase?: string;
  /** Feature ids in scope. */
  features: string[];
  /** Agent roles taking part, as written (`BackendDeveloper`, `backend-developer`). */
  agents: string[];
  gates: GateRef[];
  /** The event that starts the sprint, e.g. `MilestoneStarted`. */
  trigger?: string;
  /** From `governance.approvalRequired`. */
  approvalRequired: boolean;
  concurrencyPolicy: ConcurrencyPolicy;
  labels: string[];
  orchestrator?: string;
  extra: JsonObject;
}
