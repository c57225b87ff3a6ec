import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommandAgent } from './command-agent.js';
import { sampleExecutionRequest } from './testing/execution-request.js';

describe('version tags in the execution context (real command agent)', () => {
  it('passes the sprint\'s and the milestone\'s version tags in the context and in KAIROS_VERSION_TAG, KAIROS_MILESTONE_VERSION_TAG', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'kairos-agent-'));
    writeFileSync(join(workspace, 'agent.mjs'), `
      let input = '';
      process.stdin.on('data', (c) => (input += c)).on('end', () => {
        const context = JSON.parse(input);
        console.log(JSON.stringify({ type: 'SprintTestPlanReady', data: { context: [context.versionTag, context.milestoneVersionTag], env: [process.env.KAIROS_VERSION_TAG ?? 'unset', process.env.KAIROS_MILESTONE_VERSION_TAG ?? 'unset'] } }));
      });`);
    const run = (versionTags?: { versionTag?: string; milestoneVersionTag?: string }): ReturnType<typeof runCommandAgent> =>
      runCommandAgent({ type: 'command', command: [process.execPath, 'agent.mjs'], env: {} }, sampleExecutionRequest(), { workspace, signal: new AbortController().signal, ...(versionTags === undefined ? {} : { versionTags }) }, undefined);
    expect(await run({ versionTag: 'booking-service:1.0.1-sprint1', milestoneVersionTag: 'booking-service:1.0.0-mvp-v1-trace123' })).toEqual({
      status: 'completed',
      reports: [{ type: 'SprintTestPlanReady', data: { context: ['booking-service:1.0.1-sprint1', 'booking-service:1.0.0-mvp-v1-trace123'], env: ['booking-service:1.0.1-sprint1', 'booking-service:1.0.0-mvp-v1-trace123'] } }],
    });
    // Without a runner that knows them, the fields are null and the variables unset.
    expect(await run()).toEqual({ status: 'completed', reports: [{ type: 'SprintTestPlanReady', data: { context: [null, null], env: ['unset', 'unset'] } }] });
  });
});
