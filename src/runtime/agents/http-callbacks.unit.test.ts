import { describe, expect, it } from 'vitest';
import { RefusedError } from '../../domain/errors/index.js';
import { callbackPath, CallbackProblem, createHttpCallbacks } from './http-callbacks.js';

describe('http result callbacks', () => {
  it('hands a valid result to the execution that awaits it, once', async () => {
    const callbacks = createHttpCallbacks();
    const expected = callbacks.expect('exec:s#1:qa');
    expect(() => callbacks.expect('exec:s#1:qa')).toThrow(RefusedError);
    expect(callbacks.resolve('exec:s#1:qa', { status: 'failed', reports: [{ type: 'CoverageReported' }] })).toEqual({ accepted: true });
    expect(await expected.outcome).toEqual({ status: 'failed', reason: 'the agent reported a failure without a reason', reports: [{ type: 'CoverageReported' }] });
    expect(callbacks.resolve('exec:s#1:qa', { status: 'completed' })).toMatchObject({ accepted: false, problem: CallbackProblem.AlreadyResolved });
  });

  it('takes a structured CloudEvent whose data is the result', async () => {
    const callbacks = createHttpCallbacks();
    const expected = callbacks.expect('e1');
    const event = { specversion: '1.0', id: 'r1', type: 'dev.example.result', source: 'qa', data: { status: 'completed', artifacts: ['execution/s/qa.md'] } };
    expect(callbacks.resolve('e1', event)).toEqual({ accepted: true });
    expect(await expected.outcome).toEqual({ status: 'completed', reports: [], artifacts: ['execution/s/qa.md'] });
  });

  it('tells an expired execution from an unknown one, and forgets the oldest beyond its memory', () => {
    const callbacks = createHttpCallbacks({ remembered: 2 });
    for (const id of ['a', 'b', 'c']) callbacks.expect(id).end('expired');
    callbacks.expect('d').end('answered');
    expect(callbacks.resolve('a', { status: 'completed' })).toMatchObject({ problem: CallbackProblem.UnknownExecution });
    expect(callbacks.resolve('b', { status: 'completed' })).toMatchObject({ problem: CallbackProblem.Expired });
    expect(callbacks.resolve('c', { status: 'completed' })).toMatchObject({ problem: CallbackProblem.Expired });
    expect(callbacks.resolve('d', { status: 'completed' })).toMatchObject({ problem: CallbackProblem.UnknownExecution });
    callbacks.expect('c');
    expect(callbacks.isAwaiting('c')).toBe(true);
  });

  it('says where the server takes results', () => {
    expect(callbackPath('exec:sprint-1#2:qa~1')).toBe('/api/executions/exec%3Asprint-1%232%3Aqa~1/result');
    expect(createHttpCallbacks().callbackUrl('x')).toBeUndefined();
    expect(createHttpCallbacks({ publicUrl: 'https://kairos.example.com/' }).callbackUrl('x')).toBe('https://kairos.example.com/api/executions/x/result');
  });
});
