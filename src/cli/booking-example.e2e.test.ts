import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKairos, tempDir } from './testing/run-kairos.js';

/** Event types per stream, counted: what must be the same on every run of the example. */
function outcome(dir: string): Record<string, number> {
  const events = runKairos(['events', '--json', '--limit', '100000'], dir);
  expect(events.status, events.stderr).toBe(0);
  const counts: Record<string, number> = {};
  for (const line of events.stdout.split('\n').filter((text) => text.trim() !== '')) {
    const event = JSON.parse(line) as { streamId: string; type: string };
    const key = `${event.streamId} ${event.type}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

function states(dir: string): string[] {
  const status = JSON.parse(runKairos(['status', '--json'], dir).stdout) as { milestones: { milestoneId: string; state: string }[]; sprints: { sprintId: string; state: string }[] };
  return [...status.milestones.map((m) => `${m.milestoneId}:${m.state}`), ...status.sprints.map((s) => `${s.sprintId}:${s.state}`)];
}

/** The booking example from `kairos init`, run until a person is needed (after the release's approval). */
function bookingRun(crashAfterSteps?: number): string {
  const dir = join(tempDir('kairos-booking-'), 'demo');
  expect(runKairos(['init', dir, '--example', 'booking'], process.cwd()).status).toBe(0);
  if (crashAfterSteps !== undefined) {
    const killed = runKairos(['run', '--until', 'idle'], dir, { KAIROS_CRASH_AFTER_STEPS: String(crashAfterSteps) });
    expect(killed.status, `killed after ${crashAfterSteps} steps`).toBeNull();
  }
  const run = runKairos(['run', '--until', 'idle'], dir);
  expect(run.status, run.stderr).toBe(0);
  // The release sprint waits for the product owner's approval.
  expect(run.stdout).toMatch(/sprint-5\s+Ready\s+waiting for an approval by alice or bob \(kairos approve sprint-5 --as <user>\)/);
  expect(runKairos(['approve', 'sprint-5', '--as', 'alice', '--reason', 'release scope agreed'], dir).status).toBe(0);
  const approved = runKairos(['run', '--until', 'idle'], dir);
  expect(approved.status, approved.stderr).toBe(0);
  return dir;
}

/** The product owner's part: the release highlights, then a retry of the blocked feature. */
function personActs(dir: string): void {
  mkdirSync(join(dir, 'docs'), { recursive: true });
  writeFileSync(join(dir, 'docs', 'release-highlights.md'), 'Customers book appointments online.\n');
  expect(runKairos(['retry', 'sprint-5', '--feature', 'ReleaseNotes', '--by', 'alice', '--reason', 'highlights written'], dir).status).toBe(0);
  const run = runKairos(['run', '--until', 'idle'], dir);
  expect(run.status, run.stderr).toBe(0);
  // mvp-ready is under a deployment freeze: its gates pass, then it waits for an approval.
  expect(run.stdout).toMatch(/mvp-ready\s+GateCheck\s+1\/1 sprint\(s\) done; waiting for an approval by alice or bob \(kairos approve mvp-ready --as <user>\)/);
  expect(runKairos(['approve', 'mvp-ready', '--as', 'alice', '--reason', 'release window open'], dir).status).toBe(0);
  const released = runKairos(['run', '--until', 'idle'], dir);
  expect(released.status, released.stderr).toBe(0);
}

describe('the booking example, end to end (real command agents, git, node:test, built-in agents)', () => {
  it('completes three milestones, waits for an approval and then for a person on one feature, and finishes after the retry; the same on every run and after a kill', () => {
    const first = bookingRun();
    expect(states(first)).toEqual([
      'mvp-foundation:Completed', 'mvp-core:Completed', 'mvp-qa:Completed', 'mvp-ready:Active',
      'sprint-1:Closed', 'sprint-2:Closed', 'sprint-3:Closed', 'sprint-4:Closed', 'sprint-5:Active',
    ]);
    const waiting = runKairos(['status', '--sprint', 'sprint-5'], first).stdout;
    expect(waiting).toContain('waiting for:');
    expect(waiting).toContain('ReleaseNotes: waiting for docs/release-highlights.md');
    expect(readFileSync(join(first, 'execution', 'sprint-5', 'recovery-plan.yaml'), 'utf8')).toContain('kairos override sprint-5 --feature ReleaseNotes');
    const counts = outcome(first);
    // The flaky agent failed once and was retried by itself; sprint-1's first handlers failed the security audit.
    expect(counts['agent-backend-developer AgentSkillFailed']).toBeGreaterThanOrEqual(1);
    expect(counts['sprint-sprint-1 SecurityPolicyViolation']).toBeGreaterThanOrEqual(1);
    expect(counts['sprint-sprint-1 PatchEmitted']).toBe(1);

    const crashed = bookingRun(40);
    expect(outcome(crashed)).toEqual(counts);

    personActs(first);
    personActs(crashed);
    expect(states(first)).toEqual([
      'mvp-foundation:Completed', 'mvp-core:Completed', 'mvp-qa:Completed', 'mvp-ready:Completed',
      'sprint-1:Closed', 'sprint-2:Closed', 'sprint-3:Closed', 'sprint-4:Closed', 'sprint-5:Closed',
    ]);
    expect(outcome(crashed)).toEqual(outcome(first));
    const replay = runKairos(['replay', '--verify'], first);
    expect(replay.stdout, replay.stderr).toContain('verified: replays are identical');
    // CI/CD: mvp-core's trigger deployed to staging once; every completed milestone left a signed release that verifies.
    expect(outcome(first)['pipeline-deploy-to-staging ReleaseTriggered']).toBe(1);
    for (const milestone of ['mvp-foundation', 'mvp-core', 'mvp-qa', 'mvp-ready']) {
      const release = runKairos(['verify-release', join('releases', milestone)], first);
      expect(release.stdout, release.stderr).toContain(`verified release ${milestone}: signature by ed25519:`);
    }
  });
});
