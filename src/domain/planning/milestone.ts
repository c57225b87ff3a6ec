import type { JsonObject } from '../events/envelope.js';
import type { GateRef } from '../gates/gate-catalog.js';

/** `triggers: [{event, next, condition?}]`: when `event` arrives (and `condition` passes), go to `next`. */
export interface MilestoneTrigger {
  event: string;
  /** What comes next: an action or target name such as `planNextSprint` or `deploy-to-staging`. */
  next: string;
  condition?: GateRef;
}

/** One milestone of `milestones.yaml`, with the spec's spelling variants resolved. */
export interface Milestone {
  id: string;
  name?: string;
  description?: string;
  phase?: string;
  /** From `requiredFeatures` and `features`. */
  requiredFeatures: string[];
  requiredArtifacts: string[];
  /** From `gateConditions`, resolved against the gate catalog. */
  gates: GateRef[];
  versionTag?: string;
  /** From `owner`, `governedBy` or `traceability.owner` / `traceability.governedBy`. */
  owner?: string;
  /** From `allowsDeferred` or `deferredAllowed`; false when absent. */
  allowsDeferred: boolean;
  /** Event appended when a feature is deferred; `FeatureDeferred` unless the file says otherwise. */
  onDeferEmit: string;
  parallelStreams: string[];
  orchestrator?: string;
  triggers: MilestoneTrigger[];
  /** From `traceability.labels`. */
  labels: string[];
  tracePattern?: string;
  extra: JsonObject;
}
