import { parseGateCondition } from '../../domain/gates/gate-catalog.js';
import type { Milestone, MilestoneTrigger } from '../../domain/planning/milestone.js';
import { extraKeys } from '../normalize/extra-keys.js';
import { omitUndefined } from '../normalize/omit-undefined.js';
import { resolveGates } from '../normalize/resolve-gates.js';
import { unique } from '../normalize/unique.js';
import { milestoneSchema, type MilestoneEntry, type MilestonesFile } from './milestones-schema.js';

/** Turns a validated `milestones.yaml` into milestones, resolving the spec's spelling variants. */
export function normalizeMilestones(file: MilestonesFile): Milestone[] {
  return file.milestones.map(normalizeMilestone);
}

/** One validated milestone entry as a `Milestone`. */
export function normalizeMilestone(raw: MilestoneEntry): Milestone {
  const traceability = raw.traceability ?? {};
  return {
    id: raw.id,
    ...omitUndefined({
      name: raw.name,
      description: raw.description,
      phase: raw.phase,
      versionTag: raw.versionTag,
      owner: raw.owner ?? raw.governedBy ?? traceability.owner ?? traceability.governedBy,
      orchestrator: raw.orchestrator ?? traceability.orchestrator,
      tracePattern: traceability.tracePattern,
    }),
    requiredFeatures: unique(raw.requiredFeatures, raw.features),
    requiredArtifacts: unique(raw.requiredArtifacts),
    gates: resolveGates(raw.gateConditions ?? []),
    allowsDeferred: raw.allowsDeferred ?? raw.deferredAllowed ?? false,
    onDeferEmit: raw.onDeferEmit ?? 'FeatureDeferred',
    parallelStreams: unique(raw.parallelStreams),
    triggers: (raw.triggers ?? []).map(normalizeTrigger),
    labels: unique(traceability.labels),
    extra: extraKeys(raw, milestoneSchema.shape),
  };
}

function normalizeTrigger(raw: NonNullable<MilestoneEntry['triggers']>[number]): MilestoneTrigger {
  const condition = raw.condition === undefined ? undefined : parseGateCondition(raw.condition);
  return { event: raw.event, next: raw.next, ...(condition?.ok === true ? { condition: condition.ref } : {}) };
}
