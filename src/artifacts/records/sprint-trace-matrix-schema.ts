import { z } from 'zod';
import { openObject } from '../schema/open-object.js';
import { stringListSchema } from '../schema/string-list-schema.js';
import { coverageSchema } from './coverage-schema.js';

/** One feature's links in the trace matrix (either spec variant). */
export const featureTraceSchema = openObject({
  id: z.string().min(1),
  traceId: z.string().optional(),
  handlers: stringListSchema.optional(),
  files: stringListSchema.optional(),
  tests: stringListSchema.optional(),
  commits: stringListSchema.optional(),
  agents: stringListSchema.optional(),
  skills: stringListSchema.optional(),
  pullRequests: stringListSchema.optional(),
  imageId: z.string().optional(),
  images: stringListSchema.optional(),
  tags: stringListSchema.optional().describe('Git tags on its commits.'),
  coverage: coverageSchema.optional(),
  status: z.enum(['complete', 'incomplete', 'deferred']).optional().describe('Written by Kairos: every link present, some missing, or deferred.'),
  missing: z.array(z.enum(['file', 'commit', 'test', 'coverage'])).optional().describe('Written by Kairos: the links the feature lacks.'),
});

/** `execution/<sprintId>/sprint-trace-matrix.json`: features → files → commits → tests → images. */
export const sprintTraceMatrixSchema = openObject({
  sprintId: z.string().min(1),
  milestoneId: z.string().optional(),
  traceId: z.string().optional(),
  complete: z.boolean().optional().describe('Written by Kairos: every required feature links a file, a commit, a test and its coverage.'),
  features: z.array(featureTraceSchema),
  tags: stringListSchema.optional().describe('Git tags on the sprint commits that name no feature (sprint-3-complete).'),
});

/** A valid sprint trace matrix. */
export type SprintTraceMatrix = z.infer<typeof sprintTraceMatrixSchema>;
