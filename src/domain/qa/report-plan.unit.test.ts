import { describe, expect, it } from 'vitest';
import type { PathProbe } from './path-probe.js';
import { planReports, reportPathsToProbe, type QaFeature } from './report-plan.js';

const feature = (id: string, extra: QaFeature['extra'] = {}): QaFeature => ({ id, extra });
const probes = (entries: Record<string, PathProbe>): Map<string, PathProbe> => new Map(Object.entries(entries));
const file: PathProbe = { kind: 'file' };

describe('planReports', () => {
  it('gives features that name no report the conventional ones: every JUnit file found, the first coverage file found', () => {
    const backlog = [feature('BookingFlow'), feature('Auth.Login')];
    const plan = planReports(['BookingFlow', 'Auth.Login'], backlog, probes({
      'reports/junit.xml': file,
      'junit.xml': file,
      'coverage/lcov.info': file,
      'coverage/cobertura-coverage.xml': file,
    }));
    expect(plan.tests).toEqual([
      { path: 'reports/junit.xml', declared: false, features: ['BookingFlow', 'Auth.Login'] },
      { path: 'junit.xml', declared: false, features: ['BookingFlow', 'Auth.Login'] },
    ]);
    expect(plan.coverage).toEqual([{ path: 'coverage/lcov.info', declared: false, features: ['BookingFlow', 'Auth.Login'] }]);
    expect(plan.errors).toEqual([]);
  });

  it('reads the reports a feature names; one named by a single backlog feature is that feature\'s alone', () => {
    const backlog = [
      feature('BookingFlow', { testReports: ['reports/booking', 'reports/shared.xml'], coverageReports: 'coverage/booking' }),
      feature('Auth.Login', { testReports: 'reports/shared.xml' }),
      feature('Later', { coverageReports: 'coverage/booking' }),
    ];
    const scope = ['BookingFlow', 'Auth.Login'];
    expect(reportPathsToProbe(scope, backlog)).toEqual(expect.arrayContaining(['reports/booking', 'reports/shared.xml', 'coverage/booking', 'reports/junit.xml']));
    const plan = planReports(scope, backlog, probes({
      'reports/booking': { kind: 'folder', files: ['TEST-a.xml', 'TEST-b.xml', 'notes.txt'] },
      'reports/shared.xml': file,
      'coverage/booking': { kind: 'folder', files: ['lcov.info', 'index.html'] },
      'coverage/lcov.info': file,
    }));
    expect(plan.tests).toEqual([
      { path: 'reports/booking/TEST-a.xml', declared: true, owner: 'BookingFlow', features: ['BookingFlow'] },
      { path: 'reports/booking/TEST-b.xml', declared: true, owner: 'BookingFlow', features: ['BookingFlow'] },
      { path: 'reports/shared.xml', declared: true, features: ['BookingFlow', 'Auth.Login'] },
    ]);
    // Shared with a feature of a later sprint: split by name, not owned.
    expect(plan.coverage).toEqual([
      { path: 'coverage/booking/lcov.info', declared: true, features: ['BookingFlow'] },
      { path: 'coverage/lcov.info', declared: false, features: ['Auth.Login'] },
    ]);
  });

  it('shares a file reached two ways: a feature\'s folder and another feature\'s file, or also a conventional place', () => {
    const backlog = [feature('A', { testReports: 'reports', coverageReports: 'coverage/lcov.info' }), feature('B', { testReports: 'reports/b.xml' }), feature('C')];
    const plan = planReports(['A', 'B', 'C'], backlog, probes({ reports: { kind: 'folder', files: ['a.xml', 'b.xml'] }, 'reports/b.xml': file, 'coverage/lcov.info': file }));
    expect(plan.tests.filter((source) => source.path !== 'reports/a.xml' && source.path.startsWith('reports/'))).toEqual([{ path: 'reports/b.xml', declared: true, features: ['A', 'B'] }]);
    expect(plan.tests.find((source) => source.path === 'reports/a.xml')).toEqual({ path: 'reports/a.xml', declared: true, owner: 'A', features: ['A'] });
    expect(plan.coverage).toEqual([{ path: 'coverage/lcov.info', declared: true, features: ['A', 'B', 'C'] }]);
  });

  it('names what is missing, refused or outside the workspace, and features left without any report', () => {
    const backlog = [
      feature('BookingFlow', { testReports: ['reports/gone.xml', '../outside.xml', 'reports/link.xml'], coverageReports: 'coverage/empty' }),
      feature('Auth.Login'),
    ];
    const plan = planReports(['BookingFlow', 'Auth.Login'], backlog, probes({
      'reports/link.xml': { kind: 'refused', reason: 'a symbolic link out of the workspace' },
      'coverage/empty': { kind: 'folder', files: [] },
      'junit.xml': { kind: 'refused', reason: 'not a regular file or folder' },
    }));
    expect(plan.tests).toEqual([]);
    expect(plan.coverage).toEqual([]);
    expect(plan.errors).toEqual([
      { kind: 'reportMissing', featureId: 'BookingFlow', file: 'reports/gone.xml', message: 'file not found' },
      { kind: 'pathRefused', featureId: 'BookingFlow', file: '../outside.xml', message: 'testReports entry leaves the workspace' },
      { kind: 'pathRefused', featureId: 'BookingFlow', file: 'reports/link.xml', message: 'a symbolic link out of the workspace' },
      { kind: 'pathRefused', features: ['Auth.Login'], file: 'junit.xml', message: 'not a regular file or folder' },
      { kind: 'noReport', features: ['Auth.Login'], message: 'no JUnit XML report: none at reports/junit.xml, test-results/junit.xml, junit.xml; or name testReports for the feature in planning/features.yaml' },
      { kind: 'reportMissing', featureId: 'BookingFlow', file: 'coverage/empty', message: 'the folder holds none of coverage-summary.json, lcov.info, cobertura-coverage.xml' },
      { kind: 'noReport', features: ['Auth.Login'], message: 'no coverage report: none at coverage/coverage-summary.json, coverage/lcov.info, coverage/cobertura-coverage.xml; or name coverageReports for the feature in planning/features.yaml' },
    ]);
  });

  it('reads the conventional reports sprint-wide for a sprint without features', () => {
    const plan = planReports([], [], probes({ 'test-results/junit.xml': file, 'coverage/coverage-summary.json': file }));
    expect(plan.tests).toEqual([{ path: 'test-results/junit.xml', declared: false, features: [] }]);
    expect(plan.coverage).toEqual([{ path: 'coverage/coverage-summary.json', declared: false, features: [] }]);
  });
});
