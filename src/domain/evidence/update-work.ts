import { own, withEntry, withMember, withMembers } from './read-json.js';
import { changeWork, emptyFeature, type FeatureEvidence, type ScopeEvidence, type WorkEvidence } from './scope-evidence.js';

/**
 * `evidence` with the work of `featureId` (or the scope's unattributed work) replaced by
 * `update(work)`; `evidence` itself when `update` returns the work unchanged.
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
  const feature = featureEvidence(evidence, featureId);
  const next = update(feature);
  if (next === feature) return evidence;
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
