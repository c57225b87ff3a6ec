import { z } from 'zod';
import { openObject } from '../schema/open-object.js';
import { stringListSchema } from '../schema/string-list-schema.js';
import { coverageSchema } from './coverage-schema.js';

/** One feature's tests (spec: `{featureId, tests, status, coverage}`). */
export const featureTestLinkSchema = openObject({
  featureId: z.string().min(1),
  tests: stringListSchema,
  status: z.string().min(1).describe('e.g. complete, partial'),
  coverage: coverageSchema.optional(),
});

/** `feature-test-link.yaml` / `.json`: one link or a list of them. */
export const featureTestLinkFileSchema = z.union([featureTestLinkSchema, z.array(featureTestLinkSchema)]);

/** A valid feature-test link file. */
export type FeatureTestLinkFile = z.infer<typeof featureTestLinkFileSchema>;
