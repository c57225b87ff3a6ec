import { FeatureStatus } from '../../domain/planning/feature.js';

/** Every spelling of a feature status a file may use (the spec writes both `planned` and `Planned`). */
export const featureStatusSpellings = {
  planned: FeatureStatus.Planned,
  Planned: FeatureStatus.Planned,
  inProgress: FeatureStatus.InProgress,
  InProgress: FeatureStatus.InProgress,
  'in-progress': FeatureStatus.InProgress,
  completed: FeatureStatus.Completed,
  Completed: FeatureStatus.Completed,
  deferred: FeatureStatus.Deferred,
  Deferred: FeatureStatus.Deferred,
} as const satisfies Record<string, FeatureStatus>;
/** A feature status as a file may write it. */
export type FeatureStatusSpelling = keyof typeof featureStatusSpellings;
