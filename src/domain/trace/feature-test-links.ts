import { FeatureTraceStatus, type SprintTraceMatrix } from './sprint-trace-matrix.js';

/** One item of `feature-test-link.yaml` (the spec's `{featureId, tests, status, coverage}`). */
export interface FeatureTestLink {
  featureId: string;
  tests: string[];
  /** `complete` when the feature has tests and coverage, `partial` when one is missing, `missing` with neither; `deferred`. */
  status: string;
  coverage?: string;
}

/** The feature → tests links of a sprint, read from its trace matrix (one read model for both files). */
export function featureTestLinks(matrix: SprintTraceMatrix): FeatureTestLink[] {
  return matrix.features.map((row) => {
    const hasTests = !row.missing.includes('test');
    const hasCoverage = row.coverage !== undefined;
    const status = row.status === FeatureTraceStatus.Deferred ? 'deferred' : hasTests && hasCoverage ? 'complete' : hasTests || hasCoverage ? 'partial' : 'missing';
    const link: FeatureTestLink = { featureId: row.id, tests: row.tests, status };
    if (row.coverage !== undefined) link.coverage = row.coverage;
    return link;
  });
}
