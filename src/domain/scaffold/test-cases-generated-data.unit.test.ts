import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../events/envelope.js';
import { scaffoldFeatureFile, ScaffoldStatus, type FeatureFile } from './scaffold-feature-file.js';
import { testCasesGeneratedData } from './test-cases-generated-data.js';

const context = { sprintId: 'sprint-3', milestoneId: 'mvp-core', traceId: 'abc123' };

describe('testCasesGeneratedData', () => {
  it("gives the spec's feature → tests link for a generated file", () => {
    const file = scaffoldFeatureFile({ feature: { id: 'BookingFlow', title: 'Book Appointment', acceptanceCriteria: ['Given a when b then c'] }, context });
    const payloads = testCasesGeneratedData([file]);
    expect(payloads).toEqual([{ featureId: 'BookingFlow', tests: ['tests/features/BookAppointment.feature'], status: 'complete', scenarios: 1, pendingScenarios: 0 }]);
    const data: JsonObject[] = payloads;
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('groups files by feature (sorted), sums the counts and keeps the least finished status', () => {
    const file = (featureId: string, path: string, status: ScaffoldStatus, pendingScenarios: number): FeatureFile => ({ featureId, path, text: '', scenarios: 2, pendingScenarios, status });
    expect(
      testCasesGeneratedData([
        file('Notification', 'tests/features/Notify.feature', ScaffoldStatus.Complete, 0),
        file('BookingFlow', 'tests/features/Z.feature', ScaffoldStatus.NeedsSteps, 1),
        file('BookingFlow', 'tests/features/A.feature', ScaffoldStatus.Complete, 0),
        file('BookingFlow', 'tests/features/A.feature', ScaffoldStatus.Complete, 0),
      ]),
    ).toEqual([
      { featureId: 'BookingFlow', tests: ['tests/features/A.feature', 'tests/features/Z.feature'], status: 'needsSteps', scenarios: 6, pendingScenarios: 1 },
      { featureId: 'Notification', tests: ['tests/features/Notify.feature'], status: 'complete', scenarios: 2, pendingScenarios: 0 },
    ]);
  });

  it('reports a feature without criteria as missingCriteria', () => {
    const file = scaffoldFeatureFile({ feature: { id: 'AuthFlow', acceptanceCriteria: [] }, context });
    expect(testCasesGeneratedData([file])[0]?.status).toBe('missingCriteria');
  });
});
