import { z } from 'zod';
import { isRecord } from '../schema/is-record.js';
import { openObject } from '../schema/open-object.js';
import { isoDateTimeSchema } from './iso-date-time-schema.js';

const recordFields = {
  traceId: z.string().min(1),
  sprintId: z.string().min(1),
  milestoneId: z.string().optional(),
  featureId: z.string().optional(),
  features: z.array(z.string()).optional().describe('Every feature the execution covered (featureId is set when it covered one).'),
  moduleId: z.string().optional(),
  agentId: z.string().min(1),
  skillId: z.string().min(1).optional(),
  executionId: z.string().optional(),
  role: z.string().optional(),
  status: z.string().min(1).describe('e.g. Success, Failed'),
  reason: z.string().optional().describe('Why it failed.'),
  scopeViolations: z.array(openObject({ rule: z.string(), detail: z.string() })).optional(),
  durationMs: z.number().nonnegative().optional(),
  artifact: z.string().optional().describe('What the execution produced (same as output).'),
  output: z.string().optional(),
  artifacts: z.array(z.string()).optional(),
  attempt: z.number().int().min(1).optional().describe('1 for the first run; 2 and on for automatic retries.'),
  startedAt: isoDateTimeSchema.optional(),
  endedAt: isoDateTimeSchema.optional(),
  logPosition: z.number().int().nonnegative().optional(),
  stderr: z.string().optional(),
  validated: z.boolean().optional(),
  securityScanStatus: z.string().optional(),
};

/** One agent skill execution (either spec variant, and the record `kairos run` writes). */
export const executionRecordSchema = openObject(recordFields);

const recordKeys = ['traceId', 'sprintId', 'agentId', 'status'] as const;

/**
 * `metadata/<moduleId>/execution-metadata.json`: one execution as the spec shows it, or the file
 * `kairos run` keeps (the module's records under `executions`). One object schema rather than a
 * union, so a record missing a key is told so, not that it lacks `executions`.
 */
export const executionMetadataSchema = openObject({
  ...Object.fromEntries(Object.entries(recordFields).map(([key, schema]) => [key, schema.optional()])),
  moduleId: z.string().nullable().optional(),
  executions: z.array(executionRecordSchema).optional().describe('The records kairos run keeps for the module, ordered by log position.'),
}).superRefine(
  (file, context) => {
    if (file.executions !== undefined) return;
    for (const key of recordKeys) if (file[key] === undefined) context.addIssue({ code: 'custom', path: [key], message: `missing required key ${key}` });
  },
  { when: (payload) => isRecord(payload.value) },
);

/** A valid execution metadata file. */
export type ExecutionMetadata = z.infer<typeof executionMetadataSchema>;
