import { PlanningMode } from '../../domain/planning/governance.js';

/** Every spelling of a planning mode a file may use. */
export const planningModeSpellings = {
  autonomous: PlanningMode.Autonomous,
  Autonomous: PlanningMode.Autonomous,
  assisted: PlanningMode.Assisted,
  Assisted: PlanningMode.Assisted,
  'manual-only': PlanningMode.ManualOnly,
  manualOnly: PlanningMode.ManualOnly,
  'Manual-Only': PlanningMode.ManualOnly,
} as const satisfies Record<string, PlanningMode>;
/** A planning mode as a file may write it. */
export type PlanningModeSpelling = keyof typeof planningModeSpellings;
