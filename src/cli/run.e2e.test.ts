import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKairos, tempDir } from './testing/run-kairos.js';

/**
 * A real agent program, run by the command executor: it reads the execution context on stdin and
 * reports, one JSON line each, what the default sprint machine waits for in the state it was
 * activated in. `FAIL_ROLE` makes one role exit 1.
 */
const agentScript = `
let input = '';
process.stdin.on('data', (chunk) => (input += chunk)).on('end', () => {
  const context = JSON.parse(input);
  if (process.env.FAIL_ROLE === context.role) { console.error('simulated failure of ' + context.role); process.exit(1); }
  const say = (type, data = {}, featureId) => console.log(JSON.stringify({ type, data, ...(featureId ? { featureId } : {}) }));
  switch (context.role + '@' + context.currentState) {
    case 'qa@ValidatingScope': say('SprintTestPlanReady', { sprintId: context.sprintId }); break;
    case 'devops-engineer@ValidatingInfra': say('SprintInfraReady', { sprintId: context.sprintId }); break;
    case 'backend-developer@Active':
      for (const f of context.features) { say('ArtifactProduced', { path: 'src/' + f + '.ts' }, f); say('FeatureStatusChanged', { status: 'completed' }, f); }
      break;
    case 'qa@Verifying':
      for (const f of context.features) { say('TestRunCompleted', { suite: f + '.feature', passed: 4, failed: 0 }, f); say('CoverageReported', { coverage: Number(process.env.COVERAGE ?? 95) }, f); }
      break;
  }
});
`;

/** A workspace whose agents are all the script above: two milestones, three sprints. */
function workspace(): string {
  const dir = tempDir('kairos-run-');
  mkdirSync(join(dir, 'planning'));
  mkdirSync(join(dir, 'agents'));
  writeFileSync(join(dir, 'agents', 'agent.mjs'), agentScript);
  const agent = (id: string): string => `  - id: ${id}\n    roles: [${id}]\n    skills: [Work]\n    executor: { type: command, command: [node, agents/agent.mjs] }\n    timeoutMs: 30000\n`;
  writeFileSync(join(dir, 'planning', 'agents.yaml'), `agents:\n${['qa', 'devops-engineer', 'backend-developer', 'test-generator'].map(agent).join('')}`);
  writeFileSync(join(dir, 'planning', 'factory-governance.yaml'), 'planningMode: autonomous\n');
  writeFileSync(
    join(dir, 'planning', 'features.yaml'),
    ['A', 'B', 'C'].map((id) => `- featureId: ${id}\n  title: Feature ${id}\n  priority: P1\n`).join(''),
  );
  writeFileSync(
    join(dir, 'planning', 'milestones.yaml'),
    `milestones:
  - id: m1
    features: [A, B]
    gateConditions: [testsPassed, testCoverageAbove90]
    triggers:
      - event: MilestoneCompleted
        next: m2
  - id: m2
    features: [C]
    gateConditions: [testsPassed]
`,
  );
  writeFileSync(
    join(dir, 'planning', 'sprints.yaml'),
    `sprints:
  - id: sprint-1
    milestone: m1
    features: [A, B]
    agents: [backend-developer, qa]
    gates: [testsPassed]
  - id: sprint-2
    milestone: m2
    features: [C]
    agents: [backend-developer, qa]
    gates: [testCoverageAbove90]
`,
  );
  return dir;
}

/** The log's content without calendar labels, positions, versions and causation (see the orchestrator test). */
function logContent(dir: string): string[] {
  const result = runKairos(['events', '--json'], dir);
  expect(result.status).toBe(0);
  return result.stdout
    .trim()
    .split('\n')
    .map((line) => {
      const event = JSON.parse(line) as Record<string, unknown>;
      return JSON.stringify([event['streamId'], event['eventId'], event['type'], event['data'], event['traceId']]);
    })
    .sort();
}

describe('kairos run, status, controls, replay', () => {
  it('drives a workspace with command agents to the end, and replay --verify proves the read models', () => {
    const dir = workspace();
    const run = runKairos(['run', '--until', 'idle'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/m1\s+Completed\s+1\/1 sprint/);
    expect(run.stdout).toMatch(/m2\s+Completed/);
    expect(run.stdout).toMatch(/sprint-2\s+Closed/);
    const state = JSON.parse(readFileSync(join(dir, 'execution', 'sprint-1', 'fsm-state.json'), 'utf8')) as Record<string, unknown>;
    expect(state).toMatchObject({ sprintId: 'sprint-1', state: 'Closed', terminal: true });
    const status = runKairos(['status', '--json'], dir);
    const board = JSON.parse(status.stdout) as { milestones: { milestoneId: string; state: string }[] };
    expect(board.milestones.map((m) => `${m.milestoneId}:${m.state}`)).toEqual(['m1:Completed', 'm2:Completed']);
    const replay = runKairos(['replay', '--verify'], dir);
    expect(replay.stderr).toBe('');
    expect(replay.stdout).toMatch(/6 of 6 sprint file\(s\) \(fsm-state.json, sprint-trace-matrix.json, feature-test-link.yaml, recovery files\) identical/);
    expect(replay.status).toBe(0);
    writeFileSync(join(dir, 'execution', 'sprint-1', 'fsm-state.json'), '{}\n');
    const tampered = runKairos(['replay', '--verify'], dir);
    expect(tampered.status).toBe(1);
    expect(tampered.stderr).toMatch(/execution\/sprint-1\/fsm-state.json differs from its replay/);
  });

  it('continues after SIGKILL at any step to the same log as an uninterrupted run', () => {
    const reference = workspace();
    expect(runKairos(['run', '--until', 'idle'], reference).status).toBe(0);
    const expected = logContent(reference);
    for (const steps of [1, 2, 3, 4, 6, 9, 13, 18, 24, 31]) {
      const dir = workspace();
      const killed = runKairos(['run', '--until', 'idle'], dir, { KAIROS_CRASH_AFTER_STEPS: String(steps) });
      expect(killed.status, `killed after ${steps} steps`).toBeNull();
      const again = runKairos(['run', '--until', 'idle'], dir);
      expect(again.status, again.stderr).toBe(0);
      expect(logContent(dir), `killed after ${steps} steps`).toEqual(expected);
    }
  });

  it('explains a stuck sprint, and a retry after the fix moves it on', () => {
    const dir = workspace();
    const run = runKairos(['run', '--until', 'idle'], dir, { FAIL_ROLE: 'devops-engineer' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/sprint-1\s+ValidatingInfra\s+waiting for a person: devops-engineer \(devops-engineer\) failed: exited with code 1: simulated failure of devops-engineer/);
    const status = runKairos(['status', '--sprint', 'sprint-1'], dir);
    expect(status.stdout).toContain('in ValidatingInfra since position');
    expect(status.stdout).toContain("- a person: devops-engineer (devops-engineer) failed");
    expect(runKairos(['retry', 'sprint-1', '--agent', 'devops-engineer', '--reason', 'pipeline fixed', '--by', 'bob'], dir).status).toBe(0);
    expect(runKairos(['run', '--until', 'idle'], dir).stdout).toMatch(/sprint-1\s+Closed/);
  });

  it('writes what failed and the actions open, and an override by a person lets the sprint finish', () => {
    const dir = workspace();
    expect(runKairos(['run', '--until', 'idle'], dir, { FAIL_ROLE: 'backend-developer' }).stdout).toMatch(/sprint-1\s+Active\s+waiting for a person: backend-developer/);
    const errors = JSON.parse(readFileSync(join(dir, 'execution', 'sprint-1', 'execution-errors.json'), 'utf8')) as unknown[];
    expect(errors).toEqual([expect.objectContaining({ agentId: 'backend-developer', state: 'Active', features: ['A', 'B'], attempts: 1, retryCount: 0, error: 'exited with code 1: simulated failure of backend-developer' })]);
    const plan = readFileSync(join(dir, 'execution', 'sprint-1', 'recovery-plan.yaml'), 'utf8');
    expect(plan).toContain('status: waiting-for-a-person');
    expect(plan).toContain('kairos override sprint-1 --feature A');
    expect(readFileSync(join(dir, 'execution', 'sprint-1', 'retry-history.json'), 'utf8')).toContain('"status": "failed"');
    expect(runKairos(['override', 'sprint-1', '--feature', 'Z'], dir).stderr).toBe('kairos: error: feature Z is not in the scope of sprint-1 (A, B)\n');
    expect(runKairos(['override', 'sprint-1'], dir).status).toBe(2);
    for (const feature of ['A', 'B']) {
      expect(runKairos(['override', 'sprint-1', '--feature', feature, '--by', 'carol', '--reason', 'written by hand'], dir).stdout).toMatch(/sprint-1: OverrideApplied and FeatureStatusChanged recorded at position \d+ by carol/);
    }
    expect(runKairos(['run', '--until', 'idle'], dir).stdout).toMatch(/sprint-1\s+Closed/);
    expect(readFileSync(join(dir, 'execution', 'sprint-1', 'recovery-plan.yaml'), 'utf8')).toContain('status: recovered');
    expect(runKairos(['replay', '--verify'], dir).status).toBe(0);
  });

  it('lets a person waive a gate and force-close a sprint, each an override saying what it bypassed', () => {
    const dir = workspace();
    const low = { COVERAGE: '80' };
    expect(runKairos(['run', '--until', 'idle'], dir, low).stdout).toMatch(/m1\s+Blocked\s+1\/1 sprint\(s\) done; unmet: testCoverageAbove90: .*80%/);
    expect(runKairos(['override', 'm1', '--skip-gate', 'testsPassed'], dir).stderr).toMatch(/cannot waive testsPassed of m1: it passes/);
    expect(runKairos(['override', 'm1', '--skip-gate', 'testCoverage'], dir).stderr).toMatch(/m1 has no gate testCoverage \(its gates: testsPassed, testCoverageAbove90\)/);
    const waived = runKairos(['override', 'm1', '--skip-gate', 'testCoverageAbove90', '--by', 'alice', '--reason', 'coverage tool misreports'], dir);
    expect(waived.stdout).toMatch(/m1: OverrideApplied recorded at position \d+ by alice/);
    const second = runKairos(['run', '--until', 'idle'], dir, low).stdout;
    expect(second).toMatch(/m1\s+Completed/);
    expect(second).toMatch(/sprint-2\s+RetryPhase/);
    expect(runKairos(['override', 'sprint-2', '--force-close', '--by', 'alice', '--reason', 'accepted at 80%'], dir).stdout).toMatch(/sprint-2: OverrideApplied and ManualApproval recorded/);
    const third = runKairos(['run', '--until', 'idle'], dir, low).stdout;
    expect(third).toMatch(/sprint-2\s+Closed/);
    expect(third).toMatch(/m2\s+Completed/);
    const gates = JSON.parse(runKairos(['status', '--milestone', 'm1', '--json'], dir).stdout) as { gates?: { gate: string; passed: boolean; reason: string }[] };
    expect(JSON.stringify(gates)).toMatch(/waived by alice: coverage tool misreports \(without the waiver: /);
    const audit = runKairos(['audit'], dir).stdout;
    expect(audit).toMatch(/OverrideApplied\s+m1\s+alice\s+coverage tool misreports/);
    expect(audit).toMatch(/OverrideApplied\s+sprint-2\s+alice\s+accepted at 80%.*event ManualApproval/);
    expect(runKairos(['replay', '--verify'], dir).status).toBe(0);
  });

  it('reports a milestone that allows no deferred scope at risk as soon as a person defers a feature it requires', () => {
    const dir = workspace();
    expect(runKairos(['plan'], dir).status).toBe(0);
    expect(runKairos(['defer', 'A', '--by', 'alice', '--reason', 'vendor API not ready'], dir).status).toBe(0);
    expect(runKairos(['status'], dir).stdout).toMatch(/m1\s+Pending\s+0\/1 sprint\(s\) done; at risk: A is deferred \(vendor API not ready\) and m1 does not allow deferred scope/);
  });

  it('holds a sprint for an approval until a holder of an approval role gives it; refuses anyone else', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'planning', 'factory-governance.yaml'), 'planningMode: autonomous\napprovalRoles: [product-owner]\nusers:\n  - id: alice\n    roles: [product-owner]\n  - id: bob\n    roles: [backend-developer]\n');
    const sprints = readFileSync(join(dir, 'planning', 'sprints.yaml'), 'utf8').replace('    gates: [testCoverageAbove90]\n', '    gates: [testCoverageAbove90]\n    governance:\n      approvalRequired: true\n');
    writeFileSync(join(dir, 'planning', 'sprints.yaml'), sprints);
    expect(runKairos(['approve', 'sprint-1', '--as', 'alice'], dir).stderr).toBe('kairos: error: no sprint sprint-1 in the log (run kairos plan or kairos run first)\n');
    expect(runKairos(['run', '--until', 'idle'], dir).stdout).toMatch(/sprint-2\s+Ready\s+waiting for an approval/);
    const bob = runKairos(['approve', 'sprint-2', '--as', 'bob'], dir);
    expect(bob.status).toBe(1);
    expect(bob.stderr).toBe('kairos: error: cannot approve sprint-2: bob holds the role backend-developer, none of the approval roles product-owner (who may: alice)\n');
    expect(runKairos(['approve', 'sprint-2', '--as', 'mallory'], dir).stderr).toBe('kairos: error: cannot approve sprint-2: mallory is not a user of this workspace (users: alice, bob)\n');
    expect(runKairos(['approve', 'sprint-1', '--as', 'alice'], dir).stderr).toMatch(/cannot approve sprint-1: it is not held for an approval/);
    const approvals = (): string[] => logContent(dir).map((line) => (JSON.parse(line) as string[])[2] as string).filter((type) => type.startsWith('Approval'));
    expect(approvals()).toEqual(['ApprovalRequested']);
    expect(runKairos(['reject', 'sprint-2', '--as', 'alice', '--reason', 'scope too wide'], dir).stdout).toMatch(/sprint-2: ApprovalRejected recorded at position \d+ by alice \(product-owner\)/);
    expect(runKairos(['run', '--until', 'idle'], dir).stdout).toMatch(/sprint-2\s+Ready\s+waiting for a new plan: the approval was rejected \(scope too wide\)/);
    expect(runKairos(['approve', 'sprint-2', '--as', 'alice', '--reason', 'scope agreed'], dir).status).toBe(0);
    expect(runKairos(['run', '--until', 'idle'], dir).stdout).toMatch(/sprint-2\s+Closed/);
    expect(runKairos(['approve', 'sprint-2', '--as', 'alice'], dir).stderr).toBe('kairos: error: cannot approve sprint-2: it is approved already by alice\n');
    const audit = runKairos(['audit', '--sprint', 'sprint-2', '--json'], dir);
    expect(audit.status, audit.stderr).toBe(0);
    const entries = audit.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, string>);
    expect(entries.map((entry) => [entry['decision'], entry['by'], entry['reason']])).toEqual([
      ['ApprovalRequested', 'kairos', 'the sprint needs an approval before it starts'],
      ['ApprovalRejected', 'alice', 'scope too wide'],
      ['ApprovalGranted', 'alice', 'scope agreed'],
    ]);
    expect(runKairos(['audit'], dir).stdout).toMatch(/3 decision\(s\)\nhash chain intact up to position \d+: no decision was edited or removed/);
  });

  it('pauses, refuses what the machine would not take, resumes and rewinds, each recorded with who and why', () => {
    const dir = workspace();
    expect(runKairos(['plan'], dir).status).toBe(0);
    const pause = runKairos(['pause', 'sprint-2', '--by', 'alice', '--reason', 'scope review'], dir);
    expect(pause.stdout).toMatch(/sprint-2: SprintPaused recorded at position \d+ by alice/);
    const twice = runKairos(['pause', 'sprint-2'], dir);
    expect(twice.status).toBe(1);
    expect(twice.stderr).toBe('kairos: error: cannot pause sprint-2: no SprintPaused transition leaves Paused\n');
    expect(runKairos(['resume', 'sprint-9'], dir).stderr).toBe('kairos: error: no sprint sprint-9 in the log (did you mean sprint-1?)\n');
    expect(runKairos(['run', '--until', 'idle'], dir).stdout).toMatch(/sprint-2\s+Paused\s+waiting for a person to resume it/);
    expect(runKairos(['resume', 'sprint-2', '--by', 'alice'], dir).status).toBe(0);
    expect(runKairos(['run', '--until', 'idle'], dir).stdout).toMatch(/sprint-2\s+Closed/);
    const events = runKairos(['events', '--json', '--stream', 'sprint-sprint-2'], dir).stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const paused = events.find((event) => event['type'] === 'SprintPaused');
    expect(paused).toMatchObject({ reason: 'scope review', data: { requestedBy: 'alice', reason: 'scope review' } });
    const rewind = runKairos(['rewind', 'sprint-2', '--to', 'Active'], dir);
    expect(rewind.status).toBe(1);
    expect(rewind.stderr).toMatch(/cannot rewind sprint-2: it is Closed, which is final/);
  });

  it('records outside signals with kairos emit, and refuses unknown types and bad JSON with exit 2', () => {
    const dir = workspace();
    const emitted = runKairos(['emit', 'TestRunCompleted', '--sprint', 'sprint-1', '--feature', 'A', '--data', '{"suite":"ci","passed":10,"failed":0}'], dir);
    expect(emitted.stdout).toMatch(/TestRunCompleted recorded at position 1 in sprint-sprint-1/);
    const unknown = runKairos(['emit', 'TestRunComplete'], dir);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('kairos: error: unknown event type TestRunComplete (did you mean TestRunCompleted?); kairos emit records catalog events only\n');
    const bad = runKairos(['emit', 'TestRunCompleted', '--data', '[1]'], dir);
    expect(bad.status).toBe(2);
  });
});
