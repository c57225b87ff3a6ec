import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKairos, tempDir } from './testing/run-kairos.js';

describe('kairos version-tag, pipelines and verify-release (the booking example)', () => {
  it('computes tags, runs the pipelines, seals releases that verify, and names what was changed', () => {
    const dir = join(tempDir('kairos-release-'), 'demo');
    expect(runKairos(['init', dir, '--example', 'booking'], process.cwd()).status).toBe(0);
    const run = runKairos(['run', '--until', 'idle'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^pipeline deploy-to-staging triggered in \d+ ms \(pipeline:deploy-to-staging<milestone-mvp-core#\d+:trigger-0</m);
    expect(run.stdout).toContain('sealed releases/mvp-core/release-manifest.json (signed; check it: kairos verify-release');

    const tag = runKairos(['version-tag', '--sprint', 'sprint-3'], dir);
    expect(tag.stdout.trim()).toMatch(/^notification-service:1\.1\.2-sprint3$/);
    const milestone = JSON.parse(runKairos(['version-tag', '--milestone', 'mvp-core', '--json'], dir).stdout) as { tag: string };
    expect(milestone.tag).toMatch(/^booking-service:1\.1\.0-mvp-v1-trace[0-9a-f]+$/);
    expect(JSON.parse(readFileSync(join(dir, 'deployments', 'staging.json'), 'utf8'))).toMatchObject({ pipeline: 'deploy-to-staging', milestoneImage: milestone.tag });

    const pipelines = runKairos(['pipelines'], dir);
    expect(pipelines.stdout).toMatch(/^deploy-to-staging\s+TriggerFired\s+mvp-core\s+triggered\s+\d+ ms$/m);
    expect(pipelines.stdout).toMatch(/^BuildPipeline\s+SprintClosed\s+sprint-1\s+triggered/m);

    const verified = runKairos(['verify-release', join('releases', 'mvp-core')], dir);
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/^verified release mvp-core: signature by ed25519:[0-9a-f]{64}, \d+ artifact\(s\) hash the same, 10 gate result\(s\) equal to a replay of the log up to position \d+$/m);

    appendFileSync(join(dir, 'src', 'BookingFlow.mjs'), '// changed after the release\n');
    const changed = runKairos(['verify-release', join(dir, 'releases', 'mvp-core')], process.cwd());
    expect(changed.status).toBe(1);
    expect(changed.stderr).toMatch(/^differs: artifacts\[src\/BookingFlow\.mjs\]\.sha256: sealed "[0-9a-f]{64}", now "[0-9a-f]{64}"$/m);
    expect(changed.stderr).toContain('kairos: error: release mvp-core does not verify: 1 difference(s)');

    expect(runKairos(['verify-release', 'releases/mvp-ready'], dir).stderr).toContain('releases/mvp-ready holds no release-manifest.json');

    const pipelineFile = join(dir, 'planning', 'pipeline.yaml');
    writeFileSync(pipelineFile, readFileSync(pipelineFile, 'utf8').replace('sprintTag: "{service}:{version}-{sprint}"', 'sprintTag: "{service}:{versoin}"'));
    const invalid = runKairos(['validate'], dir);
    expect(invalid.status).toBe(1);
    expect(invalid.stdout + invalid.stderr).toMatch(/planning\/pipeline\.yaml:\d+:\d+: error: unknown placeholder \{versoin\}/);
  });
});
