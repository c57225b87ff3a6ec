import { describe, expect, it } from 'vitest';
import { sprintEvidenceScope } from '../evidence/evidence-scope.js';
import { createEventLog } from '../evidence/testing/index.js';
import { given } from '../gates/testing/index.js';
import type { QaEvent } from './qa-event.js';
import type { QaFeature, ReportPlan } from './report-plan.js';
import type { QaCoverageReport, QaTestReport } from './report-shapes.js';
import { verifySprint, type VerificationInput } from './verify-sprint.js';

const backlog: QaFeature[] = [
  { id: 'BookingFlow', title: 'Book Appointment', extra: {} },
  { id: 'Auth.Login', title: 'Sign in', extra: {} },
  { id: 'Later', extra: {} },
];
const scope = ['BookingFlow', 'Auth.Login'];
const shared = (path: string) => ({ path, declared: false, features: [...scope] });
const plan: ReportPlan = { tests: [shared('reports/junit.xml')], coverage: [shared('coverage/lcov.info')], errors: [] };
const counts = { passed: 0, failed: 0, errors: 0, skipped: 0 };

const junit: QaTestReport = {
  suites: [
    {
      name: 'Book Appointment',
      counts,
      cases: [
        { name: 'Valid appointment request', status: 'passed' },
        { name: 'rejects a past date', classname: 'Book Appointment', status: 'failed', message: 'expected 400, got 200\n    at booking.steps.ts:12' },
        { name: 'weekend slots', status: 'skipped' },
      ],
    },
    { name: 'src/auth/login.test.ts', file: 'src/auth/login.test.ts', counts, cases: [{ name: 'Auth Login > accepts a valid password', status: 'passed' }] },
    { name: 'src/later.test.ts', counts, cases: [{ name: 'Later > not built yet', status: 'error', message: 'Cannot find module' }] },
    { name: 'src/util.test.ts', counts, cases: [{ name: 'formats dates', status: 'passed' }] },
  ],
};
const coverage: QaCoverageReport = {
  lines: { covered: 64, total: 80, percent: 80 },
  files: [
    { path: '/work/project/src/booking-flow/handler.ts', lines: { covered: 45, total: 50, percent: 90 } },
    { path: 'src/auth-login/login.ts', lines: { covered: 19, total: 20, percent: 95 } },
    { path: 'src/util.ts', lines: { covered: 0, total: 10, percent: 0 } },
  ],
  sourceRoots: [],
};
const input: VerificationInput = {
  sprintId: 'sprint-3',
  scope,
  backlog,
  plan,
  testReads: [{ path: 'reports/junit.xml', ok: true, report: junit }],
  coverageReads: [{ path: 'coverage/lcov.info', ok: true, report: coverage }],
  workspaceRoot: '/work/project',
  coverageThreshold: 90,
};

/** The events as the log stores them for the sprint (the runtime adds sprintId to the envelope). */
function logged(events: readonly QaEvent[]) {
  const log = createEventLog({ sprintId: 'sprint-3' });
  return events.map((event) => log.event(event.type, event.data, event.featureId === undefined ? {} : { featureId: event.featureId }));
}

describe('verifySprint', () => {
  it('reports each feature\'s share of a shared report, by the names in its cases and files', () => {
    const result = verifySprint(input);
    expect(result.events).toEqual([
      {
        type: 'TestRunCompleted',
        featureId: 'BookingFlow',
        data: { featureId: 'BookingFlow', suite: 'reports/junit.xml', report: 'reports/junit.xml', total: 3, passed: 1, failed: 1, errors: 0, skipped: 1, failures: [{ name: 'Book Appointment > rejects a past date', message: 'expected 400, got 200' }] },
      },
      {
        type: 'TestRunCompleted',
        featureId: 'Auth.Login',
        data: { featureId: 'Auth.Login', suite: 'reports/junit.xml', report: 'reports/junit.xml', total: 1, passed: 1, failed: 0, errors: 0, skipped: 0, failures: [] },
      },
      { type: 'CoverageReported', featureId: 'BookingFlow', data: { featureId: 'BookingFlow', coverage: 90, lines: { covered: 45, total: 50 }, reports: ['coverage/lcov.info'] } },
      { type: 'CoverageReported', featureId: 'Auth.Login', data: { featureId: 'Auth.Login', coverage: 95, lines: { covered: 19, total: 20 }, reports: ['coverage/lcov.info'] } },
      { type: 'CoverageReported', data: { coverage: 80, lines: { covered: 64, total: 80 }, report: 'coverage/lcov.info' } },
    ]);
    expect(result.failure).toBeUndefined();
    expect(result.unattributed).toEqual([{ report: 'reports/junit.xml', tally: expect.objectContaining({ passed: 1, errors: 1 }) }]);
    expect(result.features.map((feature) => [feature.featureId, feature.status, feature.note])).toEqual([
      ['BookingFlow', 'failed', '1 of 2 failed'],
      ['Auth.Login', 'passed', '1 passed'],
    ]);
    expect(result.errors).toEqual([
      { kind: 'testFailed', featureId: 'BookingFlow', file: 'reports/junit.xml', suite: 'Book Appointment', test: 'Book Appointment > rejects a past date', status: 'failed', message: 'expected 400, got 200' },
      { kind: 'testFailed', file: 'reports/junit.xml', suite: 'src/later.test.ts', test: 'Later > not built yet', status: 'error', message: 'Cannot find module' },
    ]);
  });

  it('gives the gates what they need: a failing test fails testsPassed by name, coverage passes testCoverageAbove: 90', () => {
    const events = logged(verifySprint(input).events);
    const evidence = given(sprintEvidenceScope({ id: 'sprint-3', features: scope }), events);
    expect(evidence.when('testsPassed')).toMatchObject({ passed: false, reason: 'BookingFlow: 1 failed of 2 in reports/junit.xml (Book Appointment > rejects a past date: expected 400, got 200)' });
    expect(evidence.when({ testCoverageAbove: 90 })).toMatchObject({ passed: true, reason: 'coverage of 2 features ≥ 90% (lowest BookingFlow 90%)' });
    expect(evidence.when({ testCoverageAbove: 91 })).toMatchObject({ passed: false, reason: 'BookingFlow coverage 90% < 91%' });
  });

  it('passes testsPassed once the same report runs green: the report is the suite, so the new run replaces the old', () => {
    const green: QaTestReport = { suites: [{ name: 'Book Appointment', counts, cases: [{ name: 'a', status: 'passed' }, { name: 'Sign in > b', status: 'passed' }] }] };
    const first = verifySprint(input).events;
    const second = verifySprint({ ...input, testReads: [{ path: 'reports/junit.xml', ok: true, report: green }] }).events;
    const evidence = given(sprintEvidenceScope({ id: 'sprint-3', features: scope }), logged([...first, ...second]));
    expect(evidence.when('allTestsPassed')).toMatchObject({ passed: true, reason: 'latest test runs of 2 features passed (2 tests)' });
  });

  it('keeps the evidence it could read and fails naming each report it could not, with its location', () => {
    const result = verifySprint({
      ...input,
      plan: { ...plan, errors: [{ kind: 'reportMissing', featureId: 'Auth.Login', file: 'reports/auth.xml', message: 'file not found' }] },
      testReads: [{ path: 'reports/junit.xml', ok: true, report: junit }],
      coverageReads: [{ path: 'coverage/lcov.info', ok: false, problem: { line: 7, column: 1, message: 'DA line is not DA:<line>,<hits>' } }],
    });
    expect(result.events.map((event) => `${event.type} ${event.featureId ?? '-'}`)).toEqual(['TestRunCompleted BookingFlow', 'TestRunCompleted Auth.Login']);
    expect(result.failure).toBe(
      'QA could not read every report it needs: reports/auth.xml: file not found (Auth.Login); coverage/lcov.info:7:1: DA line is not DA:<line>,<hits> (BookingFlow, Auth.Login); every problem is in qa-errors.json',
    );
    expect(result.features.map((feature) => feature.status)).toEqual(['failed', 'noCoverage']);
    const evidence = given(sprintEvidenceScope({ id: 'sprint-3', features: scope }), logged(result.events));
    expect(evidence.when('testCoverageAbove90')).toMatchObject({ passed: false, reason: 'BookingFlow: no coverage reported; Auth.Login: no coverage reported' });
  });

  it('says when a read report names a feature nowhere, and judges a sprint without features on its whole reports', () => {
    const unnamed = verifySprint({ ...input, testReads: [{ path: 'reports/junit.xml', ok: true, report: { suites: [junit.suites[3]!] } }] });
    expect(unnamed.errors).toContainEqual({ kind: 'noTestsMatched', featureId: 'BookingFlow', file: 'reports/junit.xml', message: 'no test case names BookingFlow or “Book Appointment”' });
    expect(unnamed.features[0]).toMatchObject({ status: 'noTests', note: 'no test run' });

    const featureless = verifySprint({ ...input, scope: [], plan: { tests: [{ path: 'reports/junit.xml', declared: false, features: [] }], coverage: [{ path: 'coverage/lcov.info', declared: false, features: [] }], errors: [] } });
    expect(featureless.events.map((event) => [event.type, event.featureId, event.data['total'] ?? event.data['coverage']])).toEqual([
      ['TestRunCompleted', undefined, 6],
      ['CoverageReported', undefined, 80],
    ]);
    const evidence = given(sprintEvidenceScope({ id: 'sprint-3', features: [] }), logged(featureless.events));
    expect(evidence.when('testsPassed').reason).toBe('(no feature) 2 failed of 5 in reports/junit.xml (Book Appointment > rejects a past date: expected 400, got 200; Later > not built yet: Cannot find module)');
  });

  it('gives a report a feature owns wholly to it, and picks a feature\'s files by the sources it names', () => {
    const owned = verifySprint({
      ...input,
      backlog: [{ id: 'BookingFlow', extra: { sources: ['src/auth-login', 'src/util.ts'] } }, { id: 'Auth.Login', extra: {} }],
      plan: {
        tests: [{ path: 'reports/booking.xml', declared: true, owner: 'BookingFlow', features: ['BookingFlow'] }],
        coverage: [{ path: 'coverage/lcov.info', declared: true, owner: 'Auth.Login', features: ['BookingFlow', 'Auth.Login'] }],
        errors: [],
      },
      testReads: [{ path: 'reports/booking.xml', ok: true, report: junit }],
    });
    expect(owned.events.filter((event) => event.type === 'TestRunCompleted').map((event) => [event.featureId, event.data['total']])).toEqual([['BookingFlow', 6]]);
    expect(owned.events.filter((event) => event.type === 'CoverageReported').map((event) => [event.featureId, event.data['coverage']])).toEqual([
      ['BookingFlow', 63.33],
      ['Auth.Login', 80],
    ]);
  });
});
