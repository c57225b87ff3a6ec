import { z } from 'zod';
import { isRecord } from '../schema/is-record.js';
import { emittedEventSchema } from '../schema/event-name-schema.js';
import { openObject } from '../schema/open-object.js';
import { stringListSchema } from '../schema/string-list-schema.js';
import { isoDateTimeSchema } from './iso-date-time-schema.js';

const scopeFields = {
  sprintId: z.string().optional(),
  milestoneId: z.string().optional(),
  featureId: z.string().optional(),
  agentId: z.string().optional(),
  skillId: z.string().optional(),
  moduleId: z.string().optional(),
  executionId: z.string().optional(),
  durationMs: z.number().nonnegative().optional(),
  reason: z.string().optional(),
};

/** Fields each spec payload needs besides `event`. */
const requiredBySpecEvent: Readonly<Record<string, readonly string[]>> = {
  SprintPlanned: ['sprintId'],
  SprintClosed: ['sprintId'],
  AgentSkillFailed: ['agentId', 'skillId'],
};

/** An event as the spec writes it: `{"event": "SprintPlanned", "sprintId": …, "timestamp": …}`. */
export const specEventSchema = openObject({
  event: emittedEventSchema,
  ...scopeFields,
  traceId: z.string().optional(),
  milestone: z.string().optional(),
  features: stringListSchema.optional(),
  agents: stringListSchema.optional(),
  completedArtifacts: stringListSchema.optional(),
  versionTag: z.string().optional(),
  error: z.string().optional(),
  timestamp: isoDateTimeSchema.optional(),
}).superRefine(
  (event, context) => {
    for (const key of requiredBySpecEvent[String(event.event)] ?? []) {
      if (event[key] === undefined) context.addIssue({ code: 'custom', path: [], message: `a ${String(event.event)} event needs ${key}` });
    }
  },
  { when: (payload) => isRecord(payload.value) },
);

/** An event as Kairos stores it (or proposes it for appending): the envelope of DESIGN.md section 4. */
export const storedEventSchema = openObject({
  eventId: z.string().min(1),
  type: emittedEventSchema,
  streamId: z.string().min(1).optional(),
  version: z.number().int().min(1).optional(),
  position: z.number().int().min(1).optional(),
  occurredAt: isoDateTimeSchema,
  traceId: z.string().min(1),
  correlationId: z.string().optional(),
  causationId: z.string().nullable().optional(),
  tenantId: z.string().optional(),
  projectId: z.string().optional(),
  ...scopeFields,
  data: z.record(z.string(), z.unknown()),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  hash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});

/** An event file: the spec's payload form or the stored envelope. */
export const eventFileSchema = z.union([specEventSchema, storedEventSchema]);

/** A valid event file, in either form. */
export type EventFile = z.infer<typeof eventFileSchema>;
