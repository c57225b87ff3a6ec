import { z } from 'zod';
import { openObject } from '../schema/open-object.js';
import { stringListSchema } from '../schema/string-list-schema.js';

/** The execution context an agent receives (spec: Agent Execution Context Awareness, DESIGN.md section 8). */
export const fsmContextSchema = openObject({
  sprintId: z.string().min(1),
  milestoneId: z.string().optional(),
  currentState: z.string().min(1),
  traceId: z.string().min(1),
  phase: z.string().optional(),
  allowedSkills: stringListSchema,
  featureId: z.string().optional(),
  skillId: z.string().optional(),
  agentId: z.string().optional(),
  executionId: z.string().optional(),
  workspace: z.string().optional(),
  versionTag: z.string().nullable().optional().describe('The sprint\'s version tag (versioning: of planning/pipeline.yaml).'),
  milestoneVersionTag: z.string().nullable().optional().describe('The milestone\'s version tag.'),
});

/** A valid agent execution context. */
export type FsmContext = z.infer<typeof fsmContextSchema>;
