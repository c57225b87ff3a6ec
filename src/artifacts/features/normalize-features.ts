import type { Feature } from '../../domain/planning/feature.js';
import { extraKeys } from '../normalize/extra-keys.js';
import { omitUndefined } from '../normalize/omit-undefined.js';
import { unique } from '../normalize/unique.js';
import { featureStatusSpellings } from './feature-status-spellings.js';
import { featureMapEntrySchema, type FeatureEntry, type FeaturesFile } from './features-schema.js';

/** Turns a validated `features.yaml`, in any of its three forms, into features in file order. */
export function normalizeFeatures(file: FeaturesFile): Feature[] {
  if (Array.isArray(file)) return file.map((entry) => normalizeFeature(entry.featureId, entry));
  if (Array.isArray(file.features)) return file.features.map((entry) => normalizeFeature(entry.featureId, entry));
  return Object.entries(file.features).map(([id, entry]) => normalizeFeature(entry.featureId ?? id, entry));
}

/** One validated backlog item as a `Feature`. */
export function normalizeFeature(id: string, raw: FeatureEntry): Feature {
  return {
    id,
    ...omitUndefined({
      title: raw.title,
      description: raw.description,
      module: raw.module,
      priority: raw.priority,
      requiredBy: raw.requiredBy?.replace(/^milestone:/, ''),
      estimatedEffort: raw.estimatedEffort ?? raw.effortEstimate,
    }),
    dependsOn: typeof raw.dependsOn === 'string' ? [raw.dependsOn] : unique(raw.dependsOn),
    agentRoles: unique(raw.agentRoles),
    status: raw.status === undefined ? 'planned' : featureStatusSpellings[raw.status],
    acceptanceCriteria: raw.acceptanceCriteria ?? [],
    labels: unique(raw.labels),
    extra: extraKeys(raw, featureMapEntrySchema.shape, agentReadKeys),
  };
}

/** Keys the schema knows (no warning) that only a built-in agent reads: kept in `extra` for it (the qa-validator). */
const agentReadKeys: readonly string[] = ['testReports', 'coverageReports', 'sources', 'testCases', 'tests'];
