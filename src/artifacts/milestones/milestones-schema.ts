import { z } from 'zod';
import { awaitedEventSchema, emittedEventSchema } from '../schema/event-name-schema.js';
import { gateConditionListSchema, gateConditionSchema } from '../schema/gate-condition-schema.js';
import { isRecord } from '../schema/is-record.js';
import { openObject } from '../schema/open-object.js';
import { requireAgreement } from '../schema/require-agreement.js';
import { stringListSchema } from '../schema/string-list-schema.js';

/** `traceability:` of a milestone or sprint: labels, owner, trace pattern. */
export const traceabilitySchema = openObject({
  labels: stringListSchema.optional(),
  owner: z.string().optional().describe('Who answers for it (same as governedBy).'),
  governedBy: z.string().optional(),
  tracePattern: z.string().optional(),
  orchestrator: z.string().optional(),
});

/** `triggers: [{event, next, condition?}]`. */
export const milestoneTriggerSchema = openObject({
  event: awaitedEventSchema.describe('The event that fires the trigger, e.g. MilestoneCompleted.'),
  next: z.string().describe('What comes next, e.g. planNextSprint or deploy-to-staging.'),
  condition: gateConditionSchema.optional(),
});

/** One milestone, in any of the spec's spellings. */
export const milestoneSchema = openObject({
  id: z.string().min(1),
  name: z.string().optional(),
  description: z.string().optional(),
  phase: z.string().optional(),
  requiredFeatures: stringListSchema.optional().describe('Feature ids the milestone needs (same as features).'),
  features: stringListSchema.optional(),
  requiredArtifacts: stringListSchema.optional(),
  gateConditions: gateConditionListSchema.optional(),
  versionTag: z.string().optional(),
  owner: z.string().optional(),
  governedBy: z.string().optional(),
  traceability: traceabilitySchema.optional(),
  allowsDeferred: z.boolean().optional().describe('Whether features may be deferred out of the milestone (same as deferredAllowed).'),
  deferredAllowed: z.boolean().optional(),
  onDeferEmit: emittedEventSchema.optional(),
  parallelStreams: stringListSchema.optional(),
  orchestrator: z.string().optional(),
  triggers: z.array(milestoneTriggerSchema).optional(),
}).superRefine(
  (milestone, context) => {
    requireAgreement(context, 'allowsDeferred', [
      { path: ['allowsDeferred'], value: milestone.allowsDeferred },
      { path: ['deferredAllowed'], value: milestone.deferredAllowed },
    ]);
    const traceability = isRecord(milestone.traceability) ? milestone.traceability : {};
    requireAgreement(context, 'owner', [
      { path: ['owner'], value: milestone.owner },
      { path: ['governedBy'], value: milestone.governedBy },
      { path: ['traceability', 'owner'], value: traceability.owner },
      { path: ['traceability', 'governedBy'], value: traceability.governedBy },
    ]);
  },
  { when: (payload) => isRecord(payload.value) },
);

/** `milestones.yaml`. */
export const milestonesFileSchema = openObject({
  milestones: z.array(milestoneSchema).describe('Milestones in delivery order.'),
});

/** A valid milestones.yaml. */
export type MilestonesFile = z.infer<typeof milestonesFileSchema>;
/** One milestone entry of a valid milestones.yaml. */
export type MilestoneEntry = z.infer<typeof milestoneSchema>;
