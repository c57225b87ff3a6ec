import { describe, expect, it } from 'vitest';
import type { PathProbe } from './path-probe.js';
import type { QaFeature } from './report-plan.js';
import { assessTestPlan, sprintTestPlanReadyData, testPlanFailure, testPlanPathsToProbe } from './test-plan.js';

const backlog: QaFeature[] = [
  { id: 'BookingFlow', title: 'Book Appointment', extra: {}, acceptanceCriteria: ['a booking is confirmed'] },
  { id: 'Notifications', title: 'Booking notifications', extra: {}, acceptanceCriteria: [] },
  { id: 'Audit', extra: { testCases: ['tests/audit.spec.ts', 'AuditTrail.feature'] }, acceptanceCriteria: [] },
  { id: 'Reporting', extra: {}, acceptanceCriteria: [] },
];
const file: PathProbe = { kind: 'file' };

describe('assessTestPlan', () => {
  it('asks for the scaffolded paths, the declared test files and the tests/features listing', () => {
    expect(testPlanPathsToProbe(['BookingFlow', 'Audit', 'Ghost'], backlog)).toEqual([
      'tests/features',
      'tests/features/BookAppointment.feature',
      'tests/features/Audit.feature',
      'tests/audit.spec.ts',
      'AuditTrail.feature',
      'tests/features/AuditTrail.feature',
      'tests/features/Ghost.feature',
    ]);
  });

  it('is ready when every feature has a test file or acceptance criteria to generate one from', () => {
    const probes = new Map<string, PathProbe>([
      ['tests/features', { kind: 'folder', files: ['BookingNotificationsEdgeCases.feature', 'README.md'] }],
      ['tests/audit.spec.ts', file],
      ['tests/features/AuditTrail.feature', file],
    ]);
    const plan = assessTestPlan(['BookingFlow', 'Notifications', 'Audit'], backlog, probes);
    expect(plan.ready).toBe(true);
    expect(plan.rows).toEqual([
      { featureId: 'BookingFlow', title: 'Book Appointment', known: true, tests: [], criteria: 1, status: 'toGenerate' },
      { featureId: 'Notifications', title: 'Booking notifications', known: true, tests: ['tests/features/BookingNotificationsEdgeCases.feature'], criteria: 0, status: 'tested' },
      { featureId: 'Audit', known: true, tests: ['tests/audit.spec.ts', 'tests/features/AuditTrail.feature'], criteria: 0, status: 'tested' },
    ]);
    expect(plan.errors).toEqual([]);
    expect(sprintTestPlanReadyData('sprint-3', plan)).toEqual({
      sprintId: 'sprint-3',
      features: ['BookingFlow', 'Notifications', 'Audit'],
      testPlan: [
        { featureId: 'BookingFlow', status: 'toGenerate', tests: [], acceptanceCriteria: 1 },
        { featureId: 'Notifications', status: 'tested', tests: ['tests/features/BookingNotificationsEdgeCases.feature'], acceptanceCriteria: 0 },
        { featureId: 'Audit', status: 'tested', tests: ['tests/audit.spec.ts', 'tests/features/AuditTrail.feature'], acceptanceCriteria: 0 },
      ],
    });
  });

  it('is not ready when a feature has neither, and says which and why', () => {
    const plan = assessTestPlan(['BookingFlow', 'Audit', 'Reporting', 'Ghost'], backlog, new Map([['tests/features/BookAppointment.feature', file]]));
    expect(plan.ready).toBe(false);
    expect(plan.rows.map((row) => [row.featureId, row.status, row.tests])).toEqual([
      ['BookingFlow', 'tested', ['tests/features/BookAppointment.feature']],
      ['Audit', 'missing', []],
      ['Reporting', 'missing', []],
      ['Ghost', 'missing', []],
    ]);
    expect(plan.errors).toEqual([
      { kind: 'testFileMissing', featureId: 'Audit', file: 'tests/audit.spec.ts', message: 'declared test file not found' },
      { kind: 'testFileMissing', featureId: 'Audit', file: 'AuditTrail.feature', message: 'declared test file not found (nor at tests/features/AuditTrail.feature)' },
      { kind: 'noTests', featureId: 'Audit', message: 'no test file (none at tests/features/Audit.feature, no testCases) and no acceptanceCriteria to generate one from' },
      { kind: 'noTests', featureId: 'Reporting', message: 'no test file (none at tests/features/Reporting.feature, no testCases) and no acceptanceCriteria to generate one from' },
      { kind: 'noTests', featureId: 'Ghost', message: 'not in planning/features.yaml, and no test file for it' },
    ]);
    expect(testPlanFailure(plan)).toBe(
      'test plan not ready: Audit, Reporting, Ghost have no test file and no acceptance criteria (add acceptanceCriteria or testCases in planning/features.yaml, or a .feature file under tests/features/)',
    );
  });
});
