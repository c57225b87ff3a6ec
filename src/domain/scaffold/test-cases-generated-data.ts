import type { FeatureFile, ScaffoldStatus } from './scaffold-feature-file.js';

/**
 * The `data` of a `TestCasesGenerated` event for one feature: the spec's feature → tests link
 * (`{ featureId, tests, status }`), plus scenario counts. Sprint, milestone and trace go on the
 * event's envelope.
 */
export type TestCasesGeneratedPayload = {
  featureId: string;
  /** Workspace-relative paths, sorted. */
  tests: string[];
  status: ScaffoldStatus;
  scenarios: number;
  pendingScenarios: number;
};

const severity: Record<ScaffoldStatus, number> = { complete: 0, needsSteps: 1, missingCriteria: 2 };

/**
 * One `TestCasesGenerated` payload per feature (sorted by featureId) for generated files. A feature
 * with several files gets them all in `tests`, the summed counts, and its least finished status.
 *
 * @example testCasesGeneratedData([file]) // [{ featureId: 'BookingFlow', tests: ['tests/features/BookAppointment.feature'], status: 'complete', scenarios: 1, pendingScenarios: 0 }]
 */
export function testCasesGeneratedData(files: readonly FeatureFile[]): TestCasesGeneratedPayload[] {
  const byFeature = new Map<string, TestCasesGeneratedPayload>();
  for (const file of files) {
    const seen = byFeature.get(file.featureId);
    if (seen === undefined) {
      byFeature.set(file.featureId, { featureId: file.featureId, tests: [file.path], status: file.status, scenarios: file.scenarios, pendingScenarios: file.pendingScenarios });
      continue;
    }
    if (!seen.tests.includes(file.path)) seen.tests.push(file.path);
    if (severity[file.status] > severity[seen.status]) seen.status = file.status;
    seen.scenarios += file.scenarios;
    seen.pendingScenarios += file.pendingScenarios;
  }
  return [...byFeature.values()]
    .map((payload) => ({ ...payload, tests: [...payload.tests].sort() }))
    .sort((a, b) => (a.featureId < b.featureId ? -1 : a.featureId > b.featureId ? 1 : 0));
}
