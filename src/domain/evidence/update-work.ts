import { own, withEntry, withMember, withMembers } from './read-json.js';
import { changeWork, emptyFeature, type FeatureEvidence, type ScopeEvidence, type WorkEvidence } from './scope-evidence.js';

/**
 * `evidence` with the work of `featureId` (or the scope's unattributed work) replaced by
 * `update(work)`; `evidence` itself when `update` returns the record it was given (unchanged, or
 * changed in place because the running batch made it, see `changeWork`).
 */
export function updateWork(
  evidence: ScopeEvidence,
  featureId: string | undefined,
  update: (work: WorkEvidence) => WorkEvidence,
): ScopeEvidence {
  if (featureId === undefined) {
    const next = update(evidence.unattributed);
    return next === evidence.unattributed ? evidence : withMembers(evidence, { unattributed: next });
  }
  const existing = own(evidence.features, featureId);
  const feature = existing ?? emptyFeature(featureId);
  const next = update(feature);
  // The same record may come back changed: a record the batch made is updated in place.
  if (next === existing) return evidence;
  return withFeature(evidence, (next as FeatureEvidence).featureId === featureId ? (next as FeatureEvidence) : changeWork(next as FeatureEvidence, { featureId }));
}

/** The evidence of `featureId`, or an empty record for a feature not seen yet. */
export function featureEvidence(evidence: ScopeEvidence, featureId: string): FeatureEvidence {
  return own(evidence.features, featureId) ?? emptyFeature(featureId);
}

/** `evidence` with the record of `featureId` replaced. */
export function withFeature(evidence: ScopeEvidence, feature: FeatureEvidence): ScopeEvidence {
  const features = withEntry(evidence.features, feature.featureId, feature);
  return features === evidence.features ? evidence : withMember(evidence, 'features', features);
}
