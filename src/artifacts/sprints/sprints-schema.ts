import { z } from 'zod';
import { awaitedEventSchema } from '../schema/event-name-schema.js';
import { gateConditionListSchema } from '../schema/gate-condition-schema.js';
import { isRecord } from '../schema/is-record.js';
import { openObject } from '../schema/open-object.js';
import { requireAgreement, type Variant } from '../schema/require-agreement.js';
import { stringListSchema } from '../schema/string-list-schema.js';

/** One item of a sprint's `includes:` list: `{Milestone: id}`, `{Features: [...]}` or `{Agents: [...]}`. */
export const sprintIncludeSchema = openObject({
  Milestone: z.string().optional(),
  Features: stringListSchema.optional(),
  Agents: stringListSchema.optional().describe('Agent roles, e.g. BackendDeveloper.'),
}).superRefine(
  (include, context) => {
    if (include.Milestone === undefined && include.Features === undefined && include.Agents === undefined) {
      context.addIssue({ code: 'custom', message: 'an includes item names a Milestone, Features or Agents' });
    }
  },
  { when: (payload) => isRecord(payload.value) },
);

/** A sprint's `governance:`. */
export const sprintGovernanceSchema = openObject({
  approvalRequired: z.boolean().optional().describe('A person with an approval role must approve before the sprint starts.'),
});

/** `traceability:` of a sprint. */
export const sprintTraceabilitySchema = openObject({
  labels: stringListSchema.optional(),
  orchestrator: z.string().optional(),
  owner: z.string().optional(),
});

/** One sprint, in the `includes:` form, the flat form, or both. */
export const sprintSchema = openObject({
  id: z.string().min(1),
  name: z.string().optional(),
  goal: z.string().optional(),
  includes: z.array(sprintIncludeSchema).optional(),
  milestone: z.string().optional(),
  module: z.string().optional(),
  phase: z.string().optional(),
  features: stringListSchema.optional(),
  agents: stringListSchema.optional().describe('Agent roles taking part.'),
  trigger: awaitedEventSchema.optional(),
  gates: gateConditionListSchema.optional(),
  governance: sprintGovernanceSchema.optional(),
  concurrencyPolicy: z.enum(['shared', 'isolated']).optional().describe('isolated: never share agent executions with another sprint.'),
  traceability: sprintTraceabilitySchema.optional(),
}).superRefine(
  (sprint, context) => {
    const milestones: Variant[] = [{ path: ['milestone'], value: sprint.milestone }];
    if (Array.isArray(sprint.includes)) {
      sprint.includes.forEach((include, index) => {
        if (isRecord(include)) milestones.push({ path: ['includes', index, 'Milestone'], value: include.Milestone });
      });
    }
    requireAgreement(context, 'the sprint milestone', milestones);
  },
  { when: (payload) => isRecord(payload.value) },
);

/** `sprints.yaml` and `sprint-plan.yaml`. */
export const sprintsFileSchema = openObject({
  sprints: z.array(sprintSchema),
});

/** A valid sprints file, as its schema describes it. */
export type SprintsFile = z.infer<typeof sprintsFileSchema>;
/** One sprint entry of a valid sprints file. */
export type SprintEntry = z.infer<typeof sprintSchema>;
