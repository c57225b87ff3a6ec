import { z } from 'zod';
import { openObject } from '../schema/open-object.js';
import { isoDateTimeSchema } from './iso-date-time-schema.js';

/** `metadata/<moduleId>/execution-metadata.json`: one agent skill execution (either spec variant). */
export const executionMetadataSchema = openObject({
  traceId: z.string().min(1),
  sprintId: z.string().min(1),
  milestoneId: z.string().optional(),
  featureId: z.string().optional(),
  moduleId: z.string().optional(),
  agentId: z.string().min(1),
  skillId: z.string().min(1),
  executionId: z.string().optional(),
  status: z.string().min(1).describe('e.g. Success, Failed'),
  durationMs: z.number().nonnegative().optional(),
  artifact: z.string().optional().describe('What the execution produced (same as output).'),
  output: z.string().optional(),
  startedAt: isoDateTimeSchema.optional(),
  validated: z.boolean().optional(),
  securityScanStatus: z.string().optional(),
});

/** A valid execution metadata record. */
export type ExecutionMetadata = z.infer<typeof executionMetadataSchema>;
