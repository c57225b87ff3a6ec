import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../../artifacts/index.js';
import { sprintEvidenceScope } from '../../../domain/evidence/index.js';
import { given } from '../../../domain/gates/testing/index.js';
import type { ExecutionRequest } from '../../../domain/orchestrator/index.js';
import { fixturePath } from '../../../integrations/test-reports/testing/test-support.js';
import { openEventStore, type EventStore } from '../../../store/index.js';
import type { Clock } from '../../clock.js';
import { Orchestrator } from '../../orchestrator/orchestrator.js';
import { sprintStatePath } from '../../orchestrator/sprint-state-path.js';
import { recordPlan } from '../../plan/record-plan.js';
import type { AgentOutcome, AgentReport, AgentRunner } from '../agent-runner.js';
import { instantAgentsConfig, instantOutcome } from '../instant-agent-runner.js';
import { qaValidator } from './qa-validator.js';

const folders: string[] = [];
const stores: EventStore[] = [];

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A temporary workspace with these files (text, or a fixture of src/integrations/test-reports to copy). */
async function workspace(files: Record<string, string | { fixture: string }>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kairos-qa-'));
  folders.push(dir);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    if (typeof content === 'string') await writeFile(join(dir, path), content);
    else await copyFile(fixturePath(content.fixture), join(dir, path));
  }
  return dir;
}

const request = (currentState: string, features: string[]): ExecutionRequest => ({
  executionId: `exec:sprint-3#2:qa`,
  agentId: 'qa',
  role: 'qa',
  sprintId: 'sprint-3',
  milestoneId: 'mvp-core',
  currentState,
  traceId: 'trace-abc123',
  correlationId: 'c',
  causationId: 'x',
  features,
  allowedSkills: ['ValidateCoverage', 'ValidateTraceMatrix'],
});

const run = (dir: string, req: ExecutionRequest): Promise<AgentOutcome> => qaValidator.run(req, { workspace: dir, signal: new AbortController().signal });
const read = (dir: string, file: string): Promise<string> => readFile(join(dir, 'execution', 'sprint-3', file), 'utf8');
const readErrors = async (dir: string): Promise<Record<string, unknown>[]> => JSON.parse(await read(dir, 'qa-errors.json')) as Record<string, unknown>[];

/** The reports as the log stores them for sprint-3: what the gates are evaluated on. */
function gatesOver(features: string[], reports: readonly AgentReport[]) {
  const events = reports.map((report, index) => ({ eventId: `e${index + 1}`, position: index + 1, sprintId: 'sprint-3', ...(report.featureId === undefined ? {} : { featureId: report.featureId }), type: report.type, data: report.data ?? {} }));
  return given(sprintEvidenceScope({ id: 'sprint-3', features }), events);
}

const backlog = `- featureId: BookingFlow
  title: Book Appointment
  acceptanceCriteria:
    - A booking is confirmed
- featureId: Notifications
  title: Booking notifications
- featureId: Audit
  testCases: [tests/audit.test.ts]
- featureId: Reporting
`;

describe('qa-validator in ValidatingScope (the test plan)', () => {
  it('reports SprintTestPlanReady when every feature has tests or criteria to generate them from, and writes the matrix', async () => {
    const dir = await workspace({
      'planning/features.yaml': backlog,
      'tests/features/BookingNotifications.feature': 'Feature: Booking notifications\n',
      'tests/audit.test.ts': 'test("audit", () => {});\n',
    });
    const outcome = await run(dir, request('ValidatingScope', ['BookingFlow', 'Notifications', 'Audit']));
    expect(outcome).toEqual({
      status: 'completed',
      reports: [{
        type: 'SprintTestPlanReady',
        data: {
          sprintId: 'sprint-3',
          features: ['BookingFlow', 'Notifications', 'Audit'],
          testPlan: [
            { featureId: 'BookingFlow', status: 'toGenerate', tests: [], acceptanceCriteria: 1 },
            { featureId: 'Notifications', status: 'tested', tests: ['tests/features/BookingNotifications.feature'], acceptanceCriteria: 0 },
            { featureId: 'Audit', status: 'tested', tests: ['tests/audit.test.ts'], acceptanceCriteria: 0 },
          ],
        },
      }],
      artifacts: ['execution/sprint-3/qa-coverage-report.md', 'execution/sprint-3/qa-errors.json'],
    });
    expect(await read(dir, 'qa-errors.json')).toBe('[]\n');
    expect(await read(dir, 'qa-coverage-report.md')).toContain('| Notifications (Booking notifications) | `tests/features/BookingNotifications.feature` | 0 | ✅ Tests ready |');
  });

  it('fails naming the features with neither tests nor criteria, and lists them in qa-errors.json', async () => {
    const dir = await workspace({ 'planning/features.yaml': backlog });
    const outcome = await run(dir, request('ValidatingScope', ['BookingFlow', 'Audit', 'Reporting']));
    expect(outcome).toEqual({
      status: 'failed',
      reason: 'test plan not ready: Audit, Reporting have no test file and no acceptance criteria (add acceptanceCriteria or testCases in planning/features.yaml, or a .feature file under tests/features/)',
    });
    expect((await readErrors(dir)).map((error) => [error['kind'], error['featureId'], error['file']])).toEqual([
      ['testFileMissing', 'Audit', 'tests/audit.test.ts'],
      ['noTests', 'Audit', undefined],
      ['noTests', 'Reporting', undefined],
    ]);
  });
});

describe('qa-validator in Verifying (the reports)', () => {
  it('reads the reports each feature names (real vitest, Surefire, lcov and Cobertura output) into evidence the gates judge', async () => {
    const dir = await workspace({
      'planning/features.yaml': `- featureId: Math
  title: Math operations
  testReports: reports/vitest-junit.xml
  coverageReports: coverage/lcov.info
- featureId: MathOps
  title: Java math
  testReports: [reports/surefire]
  coverageReports: coverage/cobertura-coverage.xml
`,
      'reports/vitest-junit.xml': { fixture: 'vitest-junit.xml' },
      'reports/surefire/TEST-demo.MathOpsTest.xml': { fixture: 'surefire-TEST-demo.MathOpsTest.xml' },
      'coverage/lcov.info': { fixture: 'vitest-v8-lcov.info' },
      'coverage/cobertura-coverage.xml': { fixture: 'vitest-v8-cobertura-coverage.xml' },
    });
    const outcome = await run(dir, request('Verifying', ['Math', 'MathOps']));
    expect(outcome.status).toBe('completed');
    const reports = outcome.reports ?? [];
    expect(reports.map((report) => [report.type, report.featureId, report.data?.['total'] ?? report.data?.['coverage']])).toEqual([
      ['TestRunCompleted', 'Math', 3],
      ['TestRunCompleted', 'MathOps', 4],
      ['CoverageReported', 'Math', 60],
      ['CoverageReported', 'MathOps', 60],
    ]);
    expect(reports[1]?.data).toMatchObject({ suite: 'reports/surefire/TEST-demo.MathOpsTest.xml', passed: 1, failed: 2, errors: 1, skipped: 1 });
    const gates = gatesOver(['Math', 'MathOps'], reports);
    const testsPassed = gates.when('testsPassed');
    expect(testsPassed.passed).toBe(false);
    expect(testsPassed.reason).toMatch(/^Math: 1 failed of 2 in reports\/vitest-junit\.xml \(src\/math\.test\.js > math > divides by two: expected 2 to be 3 \/\/ Object\.is equality\); MathOps: 2 failed of 3 in reports\/surefire\/TEST-demo\.MathOpsTest\.xml \(/);
    expect(gates.when({ testCoverageAbove: 90 })).toMatchObject({ passed: false, reason: 'Math coverage 60% < 90%; MathOps coverage 60% < 90%' });
    const errors = await readErrors(dir);
    expect(errors.filter((error) => error['kind'] === 'testFailed').map((error) => [error['featureId'], error['status']])).toEqual([
      ['Math', 'failed'],
      ['MathOps', 'failed'],
      ['MathOps', 'error'],
    ]);
    const markdown = await read(dir, 'qa-coverage-report.md');
    expect(markdown).toContain('| Math (Math operations) | 60% | 3 | 1 | 1 | 1 | ❌ Fail: 1 of 2 failed |');
    expect(markdown).toContain('| MathOps (Java math) | 60% | 4 | 1 | 2 | 1 | ❌ Fail: 2 of 3 failed |');
  });

  it('splits the conventional shared reports between features by the names in cases and files', async () => {
    const dir = await workspace({
      'planning/features.yaml': `- featureId: BookingFlow
  title: Book Appointment
- featureId: Auth.Login
  title: Sign in
- featureId: Payments
`,
      'reports/junit.xml': `<?xml version="1.0" encoding="UTF-8" ?>
<testsuites name="vitest tests" tests="4" failures="0" errors="0" time="0.05">
    <testsuite name="src/booking-flow.test.ts" timestamp="2026-11-24T00:02:18.019Z" hostname="vm" tests="2" failures="0" errors="0" skipped="0" time="0.02">
        <testcase classname="src/booking-flow.test.ts" name="booking flow &gt; confirms a valid appointment" time="0.003"/>
        <testcase classname="src/booking-flow.test.ts" name="booking flow &gt; rejects a past date" time="0.004"/>
    </testsuite>
    <testsuite name="src/auth/login.test.ts" timestamp="2026-11-24T00:02:18.030Z" hostname="vm" tests="1" failures="0" errors="0" skipped="0" time="0.01">
        <testcase classname="src/auth/login.test.ts" name="auth login &gt; accepts a valid password" time="0.002"/>
    </testsuite>
    <testsuite name="src/payments.test.ts" timestamp="2026-11-24T00:02:18.040Z" hostname="vm" tests="1" failures="1" errors="0" skipped="0" time="0.01">
        <testcase classname="src/payments.test.ts" name="payments &gt; refunds" time="0.002">
            <failure message="expected 10 to be 0" type="AssertionError">AssertionError: expected 10 to be 0</failure>
        </testcase>
    </testsuite>
</testsuites>
`,
      // Istanbul writes absolute paths; the workspace's own folder is stripped before matching.
      'coverage/coverage-summary.json': '',
    });
    const summary = {
      total: { lines: { total: 140, covered: 126, skipped: 0, pct: 90 }, statements: { total: 140, covered: 126, skipped: 0, pct: 90 }, functions: { total: 10, covered: 9, skipped: 0, pct: 90 }, branches: { total: 4, covered: 4, skipped: 0, pct: 100 } },
      [join(dir, 'src/booking-flow/handler.ts')]: { lines: { total: 100, covered: 94, skipped: 0, pct: 94 }, functions: { total: 5, covered: 5, skipped: 0, pct: 100 }, statements: { total: 100, covered: 94, skipped: 0, pct: 94 }, branches: { total: 2, covered: 2, skipped: 0, pct: 100 } },
      [join(dir, 'src/auth/login.ts')]: { lines: { total: 40, covered: 32, skipped: 0, pct: 80 }, functions: { total: 5, covered: 4, skipped: 0, pct: 80 }, statements: { total: 40, covered: 32, skipped: 0, pct: 80 }, branches: { total: 2, covered: 2, skipped: 0, pct: 100 } },
    };
    await writeFile(join(dir, 'coverage/coverage-summary.json'), JSON.stringify(summary));
    const outcome = await run(dir, request('Verifying', ['BookingFlow', 'Auth.Login']));
    expect(outcome.status).toBe('completed');
    const reports = outcome.reports ?? [];
    expect(reports.map((report) => [report.type, report.featureId ?? null, report.data?.['total'] ?? report.data?.['coverage']])).toEqual([
      ['TestRunCompleted', 'BookingFlow', 2],
      ['TestRunCompleted', 'Auth.Login', 1],
      ['CoverageReported', 'BookingFlow', 94],
      ['CoverageReported', 'Auth.Login', 80],
      ['CoverageReported', null, 90],
    ]);
    const gates = gatesOver(['BookingFlow', 'Auth.Login'], reports);
    // Payments belongs to another sprint: its failing test is listed, but does not fail this sprint.
    expect(gates.when('allTestsPass')).toMatchObject({ passed: true, reason: 'latest test runs of 2 features passed (3 tests)' });
    expect(gates.when('testCoverageAbove90')).toMatchObject({ passed: false, reason: 'Auth.Login coverage 80% < 90%' });
    expect(await readErrors(dir)).toEqual([
      { kind: 'testFailed', file: 'reports/junit.xml', suite: 'src/payments.test.ts', test: 'src/payments.test.ts > payments > refunds', status: 'failed', message: 'expected 10 to be 0' },
    ]);
    const markdown = await read(dir, 'qa-coverage-report.md');
    expect(markdown).toContain('## Tests that name no feature of this sprint\n\n- `reports/junit.xml`: 1 case(s), 1 failed');
    expect(markdown).toContain('- `coverage/coverage-summary.json`: 90% of lines (126/140)');
  });

  it('fails naming every missing, malformed, binary, huge or out-of-workspace report with its location, and keeps the evidence it could read', async () => {
    const outside = await workspace({ 'secret.xml': '<testsuites><testsuite name="x"><testcase name="y"/></testsuite></testsuites>' });
    const dir = await workspace({
      'planning/features.yaml': `- featureId: Math
  testReports: [reports/vitest-junit.xml, reports/gone.xml]
  coverageReports: coverage/lcov.info
- featureId: Broken
  testReports: reports/truncated.xml
  coverageReports: coverage/binary.info
- featureId: Huge
  testReports: [reports/huge.xml, ../escape.xml, reports/link.xml]
`,
      'reports/vitest-junit.xml': { fixture: 'vitest-junit.xml' },
      'reports/truncated.xml': '<?xml version="1.0"?>\n<testsuites>\n  <testsuite name="s">\n    <testcase name="t">\n',
      'coverage/lcov.info': { fixture: 'vitest-v8-lcov.info' },
      'coverage/binary.info': 'TN:\nSF:src/a.js\n\u0000\u0001',
      'reports/huge.xml': '',
    });
    await truncate(join(dir, 'reports/huge.xml'), 50 * 1024 * 1024);
    await symlink(join(outside, 'secret.xml'), join(dir, 'reports/link.xml'));
    const outcome = await run(dir, request('Verifying', ['Math', 'Broken', 'Huge']));
    expect(outcome.status).toBe('failed');
    const reason = outcome.status === 'failed' ? outcome.reason : '';
    expect(reason).toMatch(/^QA could not read every report it needs: /);
    for (const part of [
      'reports/gone.xml: file not found (Math)',
      '../escape.xml: testReports entry leaves the workspace (Huge)',
      'reports/link.xml: a symbolic link out of the workspace (Huge)',
      'reports/huge.xml:1:1: file is 52428800 bytes, over the 32 MiB limit for reports (Huge)',
    ]) expect(reason).toContain(part);
    expect(reason).toMatch(/ and 1 more; every problem is in qa-errors\.json$/);
    // What could be read is still evidence: Math's run and coverage (lcov.info is shared with Huge, which
    // names no coverage report, so it is reported sprint-wide too).
    expect(outcome.reports?.map((report) => `${report.type} ${report.featureId ?? '-'}`)).toEqual(['TestRunCompleted Math', 'CoverageReported Math', 'CoverageReported -']);
    const errors = await readErrors(dir);
    const byFile = (file: string) => errors.find((error) => error['file'] === file);
    expect(byFile('reports/truncated.xml')).toMatchObject({ kind: 'reportInvalid', features: ['Broken'], line: expect.any(Number), column: expect.any(Number) });
    expect(byFile('reports/huge.xml')).toEqual({ kind: 'reportInvalid', features: ['Huge'], file: 'reports/huge.xml', line: 1, column: 1, message: 'file is 52428800 bytes, over the 32 MiB limit for reports' });
    expect(byFile('coverage/binary.info')).toMatchObject({ kind: 'reportInvalid', line: 3, column: 1 });
    // Huge names no coverage report, so it reads the conventional coverage/lcov.info, where no file names it.
    expect(errors.find((error) => error['kind'] === 'noCoverageMatched')).toMatchObject({ featureId: 'Huge', file: 'coverage/lcov.info' });
    expect(await read(dir, 'qa-coverage-report.md')).toContain('Some reports could not be read: see Problems.');
  });
});

describe('qa-validator driven by the orchestrator', () => {
  const clock: Clock = { now: () => '2026-11-24T10:00:00.000Z' };
  const planning = {
    'planning/features.yaml': '- featureId: A\n  title: Alpha\n  acceptanceCriteria: [works]\n- featureId: B\n  title: Beta\n  acceptanceCriteria: [works]\n',
    'planning/milestones.yaml': 'milestones:\n  - id: m1\n    features: [A, B]\n    gateConditions: [testsPassed]\n',
    'planning/sprints.yaml': 'sprints:\n  - id: s1\n    milestone: m1\n    features: [A, B]\n    gates: [testsPassed, testCoverageAbove: 90]\n',
    'coverage/coverage-summary.json': JSON.stringify({
      total: { lines: { total: 20, covered: 19, skipped: 0, pct: 95 } },
      'src/alpha.ts': { lines: { total: 10, covered: 10, skipped: 0, pct: 100 } },
      'src/beta.ts': { lines: { total: 10, covered: 9, skipped: 0, pct: 90 } },
    }),
  };
  const junit = (betaFailure: string) => `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="jest tests" tests="2" failures="${betaFailure === '' ? 0 : 1}" errors="0" time="0.1">
  <testsuite name="alpha" errors="0" failures="0" skipped="0" timestamp="2026-11-24T00:02:28" time="0.05" tests="1">
    <testcase classname="alpha works" name="alpha works" time="0.003"></testcase>
  </testsuite>
  <testsuite name="beta" errors="0" failures="${betaFailure === '' ? 0 : 1}" skipped="0" timestamp="2026-11-24T00:02:28" time="0.05" tests="1">
    <testcase classname="beta works" name="beta works" time="0.004">${betaFailure}</testcase>
  </testsuite>
</testsuites>
`;

  async function drive(dir: string): Promise<Record<string, unknown>> {
    const config = await instantAgentsConfig();
    const store = await openEventStore(`sqlite:${join(dir, '.kairos', 'events.db')}`);
    stores.push(store);
    const plan = await loadWorkspace(dir);
    await recordPlan(store, { machines: [config.sprintMachine.definition, config.milestoneMachine.definition], milestones: plan.milestones, features: plan.features, sprints: plan.sprints }, clock);
    // Every role answers at once, as if it went well, except QA, which is the real validator.
    const runner: AgentRunner = { run: (req, context) => (req.role === 'qa' ? qaValidator.run(req, context) : Promise.resolve(instantOutcome(req))) };
    await new Orchestrator({ store, config, runner, workspace: dir, clock }).runUntilIdle();
    return JSON.parse(await readFile(sprintStatePath(dir, 's1'), 'utf8')) as Record<string, unknown>;
  }

  it('closes the sprint when the reports pass its gates', async () => {
    const dir = await workspace({ ...planning, 'reports/junit.xml': junit('') });
    expect(await drive(dir)).toMatchObject({ sprintId: 's1', state: 'Closed', waitingFor: [] });
  });

  it('sends the sprint back to work with the failing test named when they do not', async () => {
    const dir = await workspace({ ...planning, 'reports/junit.xml': junit('<failure>Error: expect(received).toBe(expected)\n\nExpected: 3\nReceived: 2</failure>') });
    const state = await drive(dir);
    // QA ran after each retry (the instant developer patches nothing): the retry budget is spent.
    expect(state).toMatchObject({ sprintId: 's1', state: 'RetryPhase', retries: { gateFailures: 3, budget: 2 } });
    expect(state['waitingFor']).toContain('gate testsPassed: B: 1 failed of 1 in reports/junit.xml (beta works: Error: expect(received).toBe(expected))');
  });
});
