import type { JsonObject } from '../events/envelope.js';

/** Where a feature stands in the backlog (spec: Planned → InProgress → Completed/Deferred). */
export const FeatureStatus = {
  Planned: 'planned',
  InProgress: 'inProgress',
  Completed: 'completed',
  Deferred: 'deferred',
} as const;
export type FeatureStatus = (typeof FeatureStatus)[keyof typeof FeatureStatus];

/** Backlog priority; P1 features are picked into the earliest sprints. */
export const Priority = { P1: 'P1', P2: 'P2', P3: 'P3', P4: 'P4' } as const;
export type Priority = (typeof Priority)[keyof typeof Priority];

/** One backlog item of `features.yaml`, with the spec's spelling variants resolved. */
export interface Feature {
  id: string;
  title?: string;
  description?: string;
  /** The module (service) the feature belongs to, e.g. `BookingService`. */
  module?: string;
  priority?: Priority;
  /** Id of the milestone the feature must be done by (`requiredBy: milestone:<id>`). */
  requiredBy?: string;
  /** Ids of the features this one needs first. */
  dependsOn: string[];
  /** From `estimatedEffort` or `effortEstimate`. */
  estimatedEffort?: number;
  /** Agent roles that work on the feature, as written. */
  agentRoles: string[];
  status: FeatureStatus;
  /** Plain-language criteria a scaffolder turns into Gherkin scenarios. */
  acceptanceCriteria: string[];
  labels: string[];
  /** Keys Kairos does not know, kept as written. */
  extra: JsonObject;
}
