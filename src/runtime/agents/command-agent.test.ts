import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executionTraceparent } from '../../domain/trace-context/index.js';
import { parseReports, runCommandAgent } from './command-agent.js';
import { sampleExecutionRequest } from './testing/execution-request.js';

const request = sampleExecutionRequest();

/** Runs `script` (JavaScript) as a command agent in a fresh workspace. */
function run(script: string, timeoutMs?: number): ReturnType<typeof runCommandAgent> {
  const workspace = mkdtempSync(join(tmpdir(), 'kairos-agent-'));
  writeFileSync(join(workspace, 'agent.mjs'), script);
  return runCommandAgent({ type: 'command', command: [process.execPath, 'agent.mjs'], env: {} }, request, { workspace, signal: new AbortController().signal }, timeoutMs);
}

describe('command agents (real processes)', () => {
  it('gets the execution context on stdin and in KAIROS_* variables, and reports JSON lines', async () => {
    const outcome = await run(`
      let input = '';
      process.stdin.on('data', (c) => (input += c)).on('end', () => {
        const context = JSON.parse(input);
        console.log(JSON.stringify({ type: 'SprintTestPlanReady', data: { sprintId: context.sprintId, trace: process.env.KAIROS_TRACE_ID, state: process.env.KAIROS_CURRENT_STATE, features: process.env.KAIROS_FEATURES } }));
      });`);
    expect(outcome).toEqual({ status: 'completed', reports: [{ type: 'SprintTestPlanReady', data: { sprintId: 'sprint-1', trace: 'trace-abc123', state: 'ValidatingScope', features: 'BookingFlow' } }] });
  });

  it('passes the W3C traceparent of its execution in TRACEPARENT and in the context', async () => {
    const outcome = await run(`
      let input = '';
      process.stdin.on('data', (c) => (input += c)).on('end', () => {
        console.log(JSON.stringify({ type: 'SprintTestPlanReady', data: { env: process.env.TRACEPARENT, context: JSON.parse(input).traceparent } }));
      });`);
    const traceparent = executionTraceparent('trace-abc123', request.executionId);
    expect(traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(outcome).toEqual({ status: 'completed', reports: [{ type: 'SprintTestPlanReady', data: { env: traceparent, context: traceparent } }] });
  });

  it('fails with the reason on garbage output, a crash or a hang, and kills what hangs', async () => {
    expect(await run(`console.log('hello'); console.log('{"type":')`)).toEqual({ status: 'failed', reason: 'stdout line 1 is not JSON: hello' });
    const crashed = await run(`console.error('boom: no database'); process.exit(3);`);
    expect(crashed).toMatchObject({ status: 'failed', reason: 'exited with code 3: boom: no database' });
    const missing = await run(`import './no-such-module.mjs';`);
    expect(missing).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^exited with code 1: Error \[ERR_MODULE_NOT_FOUND\]: Cannot find module /) });
    const hung = await run(`setInterval(() => {}, 1000);`, 300);
    expect(hung).toEqual({ status: 'failed', reason: 'timed out after 300 ms' });
  });

  it('returns the last 4 KiB of what the agent wrote to stderr, for its execution record', async () => {
    const outcome = await run(`process.stderr.write('a'.repeat(10000) + 'b'.repeat(96)); console.log('{"type":"SprintTestPlanReady"}');`);
    expect(outcome).toMatchObject({ status: 'completed', reports: [{ type: 'SprintTestPlanReady' }] });
    expect(outcome.stderr).toBe('a'.repeat(4000) + 'b'.repeat(96));
    expect(await run(`console.log('{"type":"SprintTestPlanReady"}');`)).not.toHaveProperty('stderr');
  });

  it('parses reports strictly', () => {
    expect(parseReports('{"type":"X","featureId":"F","data":{"a":1}}\n\n')).toEqual([{ type: 'X', featureId: 'F', data: { a: 1 } }]);
    expect(parseReports('{"event":"SprintClosed"}')).toEqual([{ type: 'SprintClosed' }]);
    expect(parseReports('[1]')).toBe('stdout line 1 is not a JSON object');
    expect(parseReports('{"data":{}}')).toBe('stdout line 1 has no "type" (the event type to report)');
    expect(parseReports('{"type":"X","data":[1]}')).toBe('stdout line 1: "data" must be a JSON object');
  });
});
