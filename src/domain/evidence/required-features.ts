import { evidenceMemo } from './evidence-memo.js';
import { FeatureStatus } from '../planning/feature.js';
import { own } from './read-json.js';
import type { ScopeEvidence } from './scope-evidence.js';

/** Which features the gates of a scope require, and which dropped out. */
export interface RequiredFeatures {
  /**
   * In-scope features, less the deferred ones where the scope allows deferral. When the scope
   * declares no features, every feature its events name (less the deferred ones).
   */
  required: string[];
  /** Deferred features that dropped out. */
  deferred: string[];
  /** Deferred features still required because the milestone does not allow deferral. */
  deferredButRequired: string[];
  /** Whether the scope's definition lists its features. */
  declared: boolean;
}

/** The features the gates of a scope require (computed once per evidence state). */
export const requiredFeatures: (evidence: ScopeEvidence) => RequiredFeatures = evidenceMemo((evidence) => {
  const declared = evidence.scope.features.length > 0;
  const candidates = declared ? evidence.scope.features : Object.keys(evidence.features).sort();
  const result: RequiredFeatures = { required: [], deferred: [], deferredButRequired: [], declared };
  for (const featureId of candidates) {
    const isDeferred = own(evidence.features, featureId)?.status === FeatureStatus.Deferred;
    if (!isDeferred) result.required.push(featureId);
    else if (evidence.scope.allowsDeferred) result.deferred.push(featureId);
    else {
      result.required.push(featureId);
      result.deferredButRequired.push(featureId);
    }
  }
  return result;
});
