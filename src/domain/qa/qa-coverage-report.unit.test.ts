import { describe, expect, it } from 'vitest';
import { testPlanMarkdown, verificationMarkdown } from './qa-coverage-report.js';
import { assessTestPlan } from './test-plan.js';
import { verifySprint } from './verify-sprint.js';

const header = { sprintId: 'sprint-3', milestoneId: 'mvp-core', traceId: 'trace-abc123', state: 'Verifying' };
const counts = { passed: 0, failed: 0, errors: 0, skipped: 0 };

describe('qa-coverage-report.md', () => {
  it('tabulates feature → coverage → test cases → status like the Studio QA panel, then the links and the problems', () => {
    const verification = verifySprint({
      sprintId: 'sprint-3',
      scope: ['BookingFlow', 'Notification', 'AuthFlow'],
      backlog: [{ id: 'BookingFlow', title: 'Book | Appointment', extra: {} }, { id: 'Notification', extra: {} }, { id: 'AuthFlow', extra: {} }],
      plan: {
        tests: [{ path: 'reports/junit.xml', declared: false, features: ['BookingFlow', 'Notification', 'AuthFlow'] }],
        coverage: [{ path: 'coverage/lcov.info', declared: false, features: ['BookingFlow', 'Notification', 'AuthFlow'] }],
        errors: [],
      },
      testReads: [{
        path: 'reports/junit.xml',
        ok: true,
        report: {
          suites: [{
            name: 'all',
            counts,
            cases: [
              { name: 'BookingFlow creates', status: 'passed' },
              { name: 'BookingFlow rejects_past', status: 'failed', message: 'expected 400' },
              { name: 'Notification sends', status: 'passed' },
              { name: 'AuthFlow logs in', status: 'passed' },
            ],
          }],
        },
      }],
      coverageReads: [{
        path: 'coverage/lcov.info',
        ok: true,
        report: {
          lines: { covered: 177, total: 200, percent: 88.5 },
          files: [
            { path: 'src/booking-flow.ts', lines: { covered: 93, total: 100, percent: 93 } },
            { path: 'src/notification.ts', lines: { covered: 42, total: 50, percent: 84 } },
            { path: 'src/auth-flow.ts', lines: { covered: 42, total: 50, percent: 84 } },
          ],
          sourceRoots: [],
        },
      }],
      workspaceRoot: '/ws',
      coverageThreshold: 90,
    });
    expect(verificationMarkdown(header, verification, new Map([['BookingFlow', ['tests/features/BookAppointment.feature']]]))).toBe(`# QA coverage report: sprint-3

Verification of sprint \`sprint-3\` (milestone \`mvp-core\`, trace \`trace-abc123\`, state Verifying).

| Feature | Coverage | Test cases | Passed | Failed | Skipped | Status |
|---|---:|---:|---:|---:|---:|---|
| BookingFlow (Book \\| Appointment) | 93% | 2 | 1 | 1 | 0 | ❌ Fail: 1 of 2 failed |
| Notification | 84% | 1 | 1 | 0 | 0 | ⚠ Warning: coverage 84% < 90% |
| AuthFlow | 84% | 1 | 1 | 0 | 0 | ⚠ Warning: coverage 84% < 90% |

## Feature → tests → reports

- **BookingFlow**: test files \`tests/features/BookAppointment.feature\`; test reports \`reports/junit.xml\` (2 case(s)); coverage \`coverage/lcov.info\`
- **Notification**: test files —; test reports \`reports/junit.xml\` (1 case(s)); coverage \`coverage/lcov.info\`
- **AuthFlow**: test files —; test reports \`reports/junit.xml\` (1 case(s)); coverage \`coverage/lcov.info\`

## Sprint-wide coverage

- \`coverage/lcov.info\`: 88.5% of lines (177/200)

## Problems

- reports/junit.xml: expected 400 (BookingFlow)

Every problem, with its location, is in \`qa-errors.json\`.
`);
  });

  it('shows the test trace matrix before the sprint starts, and says when there is nothing wrong', () => {
    const plan = assessTestPlan(['BookingFlow'], [{ id: 'BookingFlow', title: 'Book Appointment', extra: {}, acceptanceCriteria: ['x', 'y'] }], new Map());
    expect(testPlanMarkdown({ sprintId: 's1', traceId: 't1', state: 'ValidatingScope' }, plan)).toBe(`# QA coverage report: s1

Test plan of sprint \`s1\` (trace \`t1\`, state ValidatingScope). Ready: every feature has tests or acceptance criteria to generate them from.

| Feature | Test files | Acceptance criteria | Status |
|---|---|---:|---|
| BookingFlow (Book Appointment) | — | 2 | 📝 Tests to generate from criteria |

## Problems

None.
`);
  });

  it('keeps every row on one line and lets no title or path turn into markup', () => {
    const plan = assessTestPlan(['x_y'], [{ id: 'x_y', title: '<script>*bold*</script>\n[link](http://a) `code` a < b', extra: {}, acceptanceCriteria: ['c'] }], new Map());
    const row = testPlanMarkdown({ sprintId: 's1', traceId: 't1', state: 'ValidatingScope' }, plan).split('\n').find((line) => line.startsWith('| x'));
    expect(row).toBe('| x\\_y (\\<script>\\*bold\\*\\</script> \\[link\\](http://a) \\`code\\` a < b) | — | 1 | 📝 Tests to generate from criteria |');
  });
});
