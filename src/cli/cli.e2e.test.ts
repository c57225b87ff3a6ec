import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CloudEvent } from 'cloudevents';
import { beforeAll, describe, expect, it } from 'vitest';
import { runKairos, startKairos, tempDir } from './testing/run-kairos.js';

const located = /^[^:\s]+:\d+:\d+: error: .+/;

describe('kairos CLI', () => {
  let root: string;
  let demo: string;

  beforeAll(() => {
    root = tempDir();
    demo = join(root, 'demo');
    const init = runKairos(['init', 'demo', '--example', 'booking'], root);
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
  });

  it('creates the booking workspace, which validates clean', () => {
    const result = runKairos(['validate', '-w', demo], root);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^valid: .* 0 error\(s\), 0 warning\(s\)/);
    expect(result.status).toBe(0);
    expect(readdirSync(join(demo, 'schemas'))).toContain('milestones.schema.json');
  });

  it('creates a blank workspace without --example, which validates clean', () => {
    expect(runKairos(['init', 'blank'], root).status).toBe(0);
    const result = runKairos(['validate', '-w', join(root, 'blank')], root);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('refuses to init into a folder that is not empty, writing nothing', () => {
    const result = runKairos(['init', 'demo', '--example', 'booking'], root);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/already exists and is not empty/);
  });

  it('reports every problem of a broken file at once, located, and exits 1', () => {
    const file = join(root, 'broken-milestones.yaml');
    writeFileSync(
      file,
      ['milestones:', '  - id: m1', '    gateConditions:', '      - allTestPassed', '      - resilienceScoreAbove: high', '    colour: red', ''].join('\n'),
    );
    const result = runKairos(['validate', file], root);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines.filter((line) => line.includes(': error: '))).toHaveLength(2);
    expect(lines[0]).toMatch(located);
    expect(result.stderr).toContain('broken-milestones.yaml:4:9: error: unknown gate allTestPassed (did you mean allTestsPassed?) (at milestones[0].gateConditions[0])');
    expect(result.stderr).toMatch(/broken-milestones\.yaml:6:5: warning: .*colour/);
  });

  it('gives a JSON report with --json', () => {
    const result = runKairos(['validate', '--json', '-w', demo], root);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { valid: boolean; errors: number };
    expect(report).toMatchObject({ valid: true, errors: 0 });
  });

  it('exits 2 on a usage error', () => {
    expect(runKairos(['validate', '--no-such-option'], root).status).toBe(2);
    expect(runKairos(['no-such-command'], root).status).toBe(2);
    expect(runKairos(['validate', '--kind', 'nonsense', 'x.yaml'], root).status).toBe(2);
  });

  it('records the plan once, prints it as JSON Lines and CloudEvents, and verifies the chain', () => {
    const first = runKairos(['plan', '-w', demo], root);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const recorded = Number(/recorded (\d+) event/.exec(first.stdout)?.[1]);
    expect(recorded).toBeGreaterThan(10);

    const again = runKairos(['plan', '-w', demo], root);
    expect(again.stdout).toMatch(/recorded 0 event\(s\)/);

    const json = runKairos(['events', '--json', '-w', demo], root);
    expect(json.status).toBe(0);
    const events = json.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events).toHaveLength(recorded);
    expect(events.map((e) => e.position)).toEqual(events.map((_, i) => i + 1));
    const sprintPlanned = events.find((e) => e.type === 'SprintPlanned');
    expect(sprintPlanned).toMatchObject({ streamId: expect.stringMatching(/^sprint-/), version: 1 });
    expect(sprintPlanned?.data).toMatchObject({ sprintId: expect.any(String), features: expect.any(Array), agents: expect.any(Array) });

    const cloud = runKairos(['events', '--cloudevents', '--stream', String(sprintPlanned?.streamId), '-w', demo], root);
    const [line] = cloud.stdout.trim().split('\n');
    const cloudEvent = new CloudEvent(JSON.parse(line ?? '{}') as Record<string, unknown>);
    expect(cloudEvent.validate()).toBe(true);
    expect(cloudEvent).toMatchObject({ specversion: '1.0', type: 'kairos.SprintPlanned', subject: sprintPlanned?.streamId, id: sprintPlanned?.eventId });

    const table = runKairos(['events', '--limit', '3', '-w', demo], root);
    expect(table.stdout.trim().split('\n')).toHaveLength(4);
    expect(table.stdout).toMatch(/^\s*POS\s+OCCURRED AT\s+STREAM/);

    const verify = runKairos(['verify', '-w', demo], root);
    expect(verify.stdout).toMatch(new RegExp(`verified ${recorded} event`));
    expect(verify.status).toBe(0);
  });

  it('names the first tampered event and exits 1', () => {
    const dir = join(root, 'tampered');
    expect(runKairos(['init', dir, '--example', 'booking'], root).status).toBe(0);
    expect(runKairos(['plan', '-w', dir], root).status).toBe(0);
    const db = new Database(join(dir, '.kairos', 'events.db'));
    db.prepare("UPDATE events SET envelope = replace(envelope, 'mvp-core', 'mvp-kore') WHERE position = 5").run();
    db.close();
    const result = runKairos(['verify', '-w', dir], root);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^kairos: error: event at position 5 \(.+\) does not match/);
  });

  it('follows the log live until interrupted', async () => {
    const dir = join(root, 'follow');
    mkdirSync(dir);
    expect(runKairos(['init', dir, '--example', 'booking'], root).status).toBe(0);
    const follower = startKairos(['events', '--json', '--follow', '-w', dir], root);
    let output = '';
    follower.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const plan = runKairos(['plan', '-w', dir], root);
    const recorded = Number(/recorded (\d+) event/.exec(plan.stdout)?.[1]);
    while (output.split('\n').filter(Boolean).length < recorded) {
      await new Promise((resolve) => follower.stdout.once('data', resolve));
    }
    const exited = new Promise<number | null>((resolve) => follower.once('exit', resolve));
    follower.kill('SIGINT');
    expect(await exited).toBe(0);
    const positions = output.trim().split('\n').map((l) => (JSON.parse(l) as { position: number }).position);
    expect(positions).toEqual(positions.map((_, i) => i + 1));
  });

  it('refuses a corrupt log with a clear message and exit 1', () => {
    const dir = join(root, 'corrupt');
    mkdirSync(join(dir, '.kairos'), { recursive: true });
    writeFileSync(join(dir, '.kairos', 'events.db'), 'this is not a database, just text '.repeat(200));
    const result = runKairos(['events', '-w', dir], root);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^kairos: error: .*events\.db/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('writes JSON Schemas that parse', () => {
    const out = join(root, 'schemas');
    const result = runKairos(['schema', '--out', out], root);
    expect(result.status).toBe(0);
    for (const file of readdirSync(out)) {
      expect(JSON.parse(readFileSync(join(out, file), 'utf8'))).toHaveProperty('$schema');
    }
  });
});
