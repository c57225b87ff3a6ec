import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { runKairos, startKairos, tempDir } from './testing/run-kairos.js';

/** The booking example without planning/sprints.yaml: the planner plans the whole backlog. */
function plannerWorkspace(): string {
  const root = tempDir('kairos-plan-');
  const dir = join(root, 'booking');
  expect(runKairos(['init', dir, '--example', 'booking'], root).status).toBe(0);
  rmSync(join(dir, 'planning', 'sprints.yaml'));
  return dir;
}

interface EventLine {
  type: string;
  streamId: string;
  traceId: string;
  featureId?: string;
  data: Record<string, unknown>;
}

const events = (dir: string): EventLine[] =>
  runKairos(['events', '--json'], dir).stdout.trim().split('\n').map((line) => JSON.parse(line) as EventLine);

const backlogAddition = `
- featureId: Booking.Cancel
  title: Cancel a booking
  priority: P1
  requiredBy: milestone:mvp-core
  dependsOn: BookingService.Create
  estimatedEffort: 2
  agentRoles: [backend-developer, test-generator]
  status: planned
  acceptanceCriteria:
    - A confirmed booking can be cancelled until the day before
`;

describe('kairos plan', () => {
  let dir: string;
  beforeAll(() => {
    dir = plannerWorkspace();
  });

  it('proposes sprints for the backlog in planning/sprint-plan.yaml and records them once', () => {
    const first = runKairos(['plan'], dir);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^proposed sprint-1 \(mvp-foundation\): Booking\.Aggregate, Booking\.DomainEvent, BaseContractLib — effort 7/m);
    expect(first.stdout).toMatch(/waits in Ready for an approval/);
    const plan = parse(readFileSync(join(dir, 'planning', 'sprint-plan.yaml'), 'utf8')) as { sprints: { id: string; milestone: string; features: string[] }[] };
    expect(plan.sprints.map((sprint) => sprint.milestone)).toEqual(['mvp-foundation', 'mvp-core', 'mvp-core', 'mvp-qa', 'mvp-ready']);
    expect(plan.sprints.flatMap((sprint) => sprint.features)).toHaveLength(14);
    const planned = events(dir).filter((event) => event.type === 'SprintPlanned');
    expect(planned.map((event) => event.data['sprintId'])).toEqual(plan.sprints.map((sprint) => sprint.id));
    expect(planned.every((event) => event.data['proposed'] === true)).toBe(true);

    const again = runKairos(['plan'], dir);
    expect(again.stdout).toMatch(/^recorded 0 event\(s\)/);
    expect(again.stdout).toMatch(/^kept sprint-1 /m);
    expect(runKairos(['validate'], dir).status).toBe(0);
  });

  it("keeps a person's deferral and priority through re-planning, resumes planning for a changed backlog, and audits it", () => {
    const before = parse(readFileSync(join(dir, 'planning', 'sprint-plan.yaml'), 'utf8')) as { sprints: { id: string; features: string[] }[] };
    expect(runKairos(['defer', 'User.Onboarding', '--reason', 'waiting for legal review', '--by', 'alice'], dir).status).toBe(0);
    expect(runKairos(['prioritize', 'Diagrams', 'P1', '--by', 'bob'], dir).status).toBe(0);
    appendFileSync(join(dir, 'planning', 'features.yaml'), backlogAddition);

    const resumed = runKairos(['plan'], dir);
    expect(resumed.status).toBe(0);
    expect(resumed.stdout).toMatch(/^planning resumed: feature paused, feature reprioritized, feature added \(/m);
    expect(resumed.stdout).toMatch(/^deferred User\.Onboarding: manually paused by alice: waiting for legal review$/m);
    expect(resumed.stdout).toMatch(/^at risk mvp-core: User\.Onboarding is deferred/m);
    const after = parse(readFileSync(join(dir, 'planning', 'sprint-plan.yaml'), 'utf8')) as { sprints: { id: string; features: string[] }[] };
    // Unchanged sprints keep their ids and scope; the new feature gets a new sprint.
    for (const sprint of before.sprints.filter((s) => !s.features.includes('User.Onboarding'))) expect(after.sprints).toContainEqual(expect.objectContaining({ id: sprint.id, features: sprint.features }));
    expect(after.sprints.find((s) => s.id === 'sprint-6')).toMatchObject({ id: 'sprint-6', features: ['Booking.Cancel'] });
    expect(after.sprints.flatMap((s) => s.features)).not.toContain('User.Onboarding');

    const log = events(dir);
    const resumption = log.find((event) => event.type === 'PlanningResumed')!;
    expect(resumption.data).toMatchObject({ previousTraceId: log.find((event) => event.type === 'SprintPlanned')!.traceId });
    expect(resumption.data['changes']).toEqual(expect.arrayContaining([{ kind: 'feature', id: 'Booking.Cancel', change: 'added' }, { kind: 'feature', id: 'User.Onboarding', change: 'paused', by: 'alice' }]));
    expect(log.filter((event) => event.type === 'FeatureDeferred' && event.featureId === 'User.Onboarding')).toHaveLength(1);
    const report = readFileSync(join(dir, 'planning', 'resumption', 'resumption-report.md'), 'utf8');
    expect(report).toMatch(/- feature User\.Onboarding: paused by alice/);
    expect(report).toMatch(/- sprint-6: new or changed scope \(Booking\.Cancel\)/);
    const mapping = JSON.parse(readFileSync(join(dir, 'planning', 'resumption', 'deferred-to-resumed-mapping.json'), 'utf8')) as { stillDeferred: unknown[] };
    expect(mapping.stillDeferred).toEqual([{ featureId: 'User.Onboarding', reason: 'manually paused by alice: waiting for legal review' }]);
    expect(readFileSync(join(dir, 'planning', 'resumption', 'updated-sprint-plan.yaml'), 'utf8')).toMatch(/- id: sprint-6 {3}# new/);

    // Lifting the pause plans the feature again, and says where it went.
    expect(runKairos(['defer', 'User.Onboarding', '--lift', '--by', 'alice'], dir).status).toBe(0);
    const lifted = runKairos(['plan'], dir);
    expect(lifted.stdout).toMatch(/^planning resumed: feature lifted/m);
    expect(lifted.stdout).toMatch(/^proposed sprint-7 \(mvp-core\): User\.Onboarding/m);

    const audit = runKairos(['audit'], dir);
    expect(audit.stdout).toMatch(/FeatureDeferred\s+User\.Onboarding\s+alice\s+waiting for legal review/);
    expect(audit.stdout).toMatch(/OverrideApplied\s+Diagrams\s+bob\s+.*priority P1/);
    expect(audit.stdout).toMatch(/PlanningResumed\s+planning/);
  });

  it('refuses unknown features and priorities, and a resume in manual-only mode', () => {
    const unknown = runKairos(['defer', 'User.Onbording'], dir);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/no feature User\.Onbording in planning\/features\.yaml \(did you mean User\.Onboarding\?\)/);
    expect(runKairos(['prioritize', 'Diagrams', 'P9'], dir).status).toBe(2);

    const governance = join(dir, 'planning', 'factory-governance.yaml');
    writeFileSync(governance, readFileSync(governance, 'utf8').replace('planningMode: assisted', 'planningMode: manual-only'));
    const refused = runKairos(['plan', '--resume', 'try anyway'], dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/planning is manual-only/);
    const manual = runKairos(['plan'], dir);
    expect(manual.status).toBe(0);
    expect(manual.stdout).toMatch(/the planner does not run; sprints come from planning\/sprints\.yaml/);
  });
});

describe('kairos run resumes planning', () => {
  it('when the backlog changes between runs, and the proposals wait for their approvals', () => {
    const dir = plannerWorkspace();
    expect(runKairos(['plan'], dir).status).toBe(0);
    const first = runKairos(['run', '--until', 'idle'], dir);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).not.toMatch(/planning resumed/);
    expect(first.stdout).toMatch(/sprint-1\s+Ready\s+waiting for an approval by alice or bob \(kairos approve sprint-1 --as <user>\)/);

    appendFileSync(join(dir, 'planning', 'features.yaml'), backlogAddition);
    const second = runKairos(['run', '--until', 'idle'], dir);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^planning resumed: feature added/m);
    expect(second.stdout).toMatch(/^proposed sprint-6 \(mvp-core\): Booking\.Cancel/m);
    expect(second.stdout).toMatch(/sprint-6\s+Ready\s+waiting for an approval/);

    // A rejection sends the proposal back to the planner without what it excludes.
    const reject = runKairos(['reject', 'sprint-6', '--as', 'bob', '--exclude', 'Booking.Cancel', '--reason', 'cancellation policy not agreed'], dir);
    expect(reject.stdout, reject.stderr).toMatch(/sprint-6: ApprovalRejected recorded .* by bob \(domain-lead\); excluded Booking\.Cancel; `kairos plan` plans its scope again/);
    const third = runKairos(['run', '--until', 'idle'], dir);
    expect(third.stdout).toMatch(/^planning resumed: feature paused, sprint rejected \(/m);
    expect(third.stdout).toMatch(/^deferred Booking\.Cancel: manually paused by bob: excluded when sprint-6 was rejected: cancellation policy not agreed$/m);
    expect(third.stdout).toMatch(/sprint-6\s+Aborted/);
    expect(runKairos(['replay', '--verify'], dir).status).toBe(0);
  });

  it('while following, when a planning file is edited', async () => {
    const dir = plannerWorkspace();
    expect(runKairos(['plan'], dir).status).toBe(0);
    const follower = startKairos(['run', '-w', dir], dir);
    // However the test ends, the follower does not outlive it.
    onTestFinished(() => {
      if (follower.exitCode === null) follower.kill('SIGKILL');
    });
    let output = '';
    const seen = async (pattern: RegExp): Promise<void> => {
      while (!pattern.test(output)) await new Promise((resolve) => follower.stdout.once('data', resolve));
    };
    follower.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // Its log lines (agents' failures are warnings) must be read, or a full pipe stalls it.
    follower.stderr.resume();
    await seen(/idle: following the log and planning\/ for changes/);
    appendFileSync(join(dir, 'planning', 'features.yaml'), backlogAddition);
    await seen(/^proposed sprint-6 \(mvp-core\): Booking\.Cancel/m);
    expect(output).toMatch(/^planning resumed: feature added/m);
    const exited = new Promise<number | null>((resolve) => follower.once('exit', resolve));
    follower.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
