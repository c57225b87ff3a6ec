import { z } from 'zod';
import { isRecord } from '../schema/is-record.js';
import { openObject } from '../schema/open-object.js';
import { requireAgreement } from '../schema/require-agreement.js';
import { stringListSchema, stringOrListSchema } from '../schema/string-list-schema.js';
import { featureStatusSpellings, type FeatureStatusSpelling } from './feature-status-spellings.js';

const requiredByPattern = /^(milestone:)?[^\s:]+$/;

/** `requiredBy: milestone:<id>` (a bare milestone id is accepted too). */
export const requiredBySchema = z.string().superRefine((value, context) => {
  if (!requiredByPattern.test(value)) {
    context.addIssue({ code: 'custom', message: `requiredBy names a milestone as milestone:<id>, got ${value}` });
  }
});

const featureFields = {
  title: z.string().optional(),
  description: z.string().optional(),
  module: z.string().optional().describe('The module (service) the feature belongs to.'),
  priority: z.enum(['P1', 'P2', 'P3', 'P4']).optional().describe('P1 features go into the earliest sprints.'),
  requiredBy: requiredBySchema.optional().describe('milestone:<id> the feature must be done by.'),
  dependsOn: stringOrListSchema.optional().describe('Feature ids needed first.'),
  estimatedEffort: z.number().nonnegative().optional().describe('Effort for capacity planning (same as effortEstimate).'),
  effortEstimate: z.number().nonnegative().optional(),
  agentRoles: stringListSchema.optional(),
  status: z.enum(Object.keys(featureStatusSpellings) as [FeatureStatusSpelling, ...FeatureStatusSpelling[]]).optional(),
  acceptanceCriteria: stringListSchema.optional().describe('Plain-language criteria, scaffolded into Gherkin scenarios.'),
  labels: stringListSchema.optional(),
  // Read by the built-in qa-validator (README: "The built-in QA validator"); paths relative to the workspace.
  testReports: stringOrListSchema.optional().describe('JUnit XML reports of the feature (files, or folders of *.xml).'),
  coverageReports: stringOrListSchema.optional().describe('Coverage reports of the feature: lcov, Istanbul coverage-summary.json or Cobertura XML (a file or a folder).'),
  sources: stringOrListSchema.optional().describe("The feature's source paths: its share of a shared coverage report."),
  testCases: stringOrListSchema.optional().describe('Test files of the feature, for the test trace matrix.'),
  tests: stringOrListSchema.optional().describe('Same as testCases.'),
};

const checkEffort = (feature: Record<string, unknown>, context: z.RefinementCtx): void =>
  requireAgreement(context, 'estimatedEffort', [
    { path: ['estimatedEffort'], value: feature.estimatedEffort },
    { path: ['effortEstimate'], value: feature.effortEstimate },
  ]);
const whenRecord = { when: (payload: { value: unknown }) => isRecord(payload.value) };

/** One backlog item in a list: `featureId` is required. */
export const featureSchema = openObject({ featureId: z.string().min(1), ...featureFields }).superRefine(checkEffort, whenRecord);

/** One backlog item in a map keyed by its id: `featureId` may be left out. */
export const featureMapEntrySchema = openObject({ featureId: z.string().min(1).optional(), ...featureFields }).superRefine(checkEffort, whenRecord);

/** `features.yaml`: a top-level list, a `features:` list, or a `features:` map keyed by id. */
export const featuresFileSchema = z.union([
  z.array(featureSchema),
  openObject({
    features: z.union([z.array(featureSchema), z.record(z.string(), featureMapEntrySchema)]),
  }).superRefine((file, context) => {
    if (!isRecord(file.features)) return;
    for (const [key, entry] of Object.entries(file.features)) {
      if (isRecord(entry) && typeof entry.featureId === 'string' && entry.featureId !== key) {
        context.addIssue({ code: 'custom', path: ['features', key, 'featureId'], message: `featureId ${entry.featureId} differs from its key ${key}` });
      }
    }
  }, whenRecord),
]);

/** A valid features.yaml, in any of its forms. */
export type FeaturesFile = z.infer<typeof featuresFileSchema>;
/** One backlog item of a valid features.yaml. */
export type FeatureEntry = z.infer<typeof featureMapEntrySchema>;
