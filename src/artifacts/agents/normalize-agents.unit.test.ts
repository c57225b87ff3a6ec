import { describe, expect, it } from 'vitest';
import { checkSource } from '../validation/check-source.js';
import type { AgentsFile } from './agents-schema.js';
import { normalizeAgents } from './normalize-agents.js';

describe('normalizeAgents', () => {
  it('fills retry and concurrency defaults and keeps executors as written', () => {
    const text = [
      'agents:',
      '  - id: po',
      '    roles: [product-owner, product-owner]',
      '    executor: {type: builtin, name: planner}',
      '  - id: dev',
      '    roles: [backend-developer]',
      '    skills: [GenerateHandler]',
      '    executor: {type: command, command: [node, gen.mjs], cwd: agents}',
      '    retry: {skillRetryCount: 2}',
      '    timeoutMs: 1000',
      '    concurrency: 3',
      '  - id: remote',
      '    roles: [qa]',
      '    executor: {type: http, url: "http://localhost:9000/run"}',
      '',
    ].join('\n');
    const checked = checkSource(text, 'agents.yaml');
    expect(checked.valid).toBe(true);
    expect(normalizeAgents(checked.source.value as AgentsFile)).toEqual([
      {
        id: 'po',
        roles: ['product-owner'],
        skills: [],
        executor: { type: 'builtin', name: 'planner' },
        retry: { skillRetryCount: 0, backoffMs: 1000, backoffFactor: 2 },
        concurrency: 1,
        extra: {},
      },
      {
        id: 'dev',
        timeoutMs: 1000,
        roles: ['backend-developer'],
        skills: ['GenerateHandler'],
        executor: { type: 'command', command: ['node', 'gen.mjs'], cwd: 'agents', env: {} },
        retry: { skillRetryCount: 2, backoffMs: 1000, backoffFactor: 2 },
        concurrency: 3,
        extra: {},
      },
      {
        id: 'remote',
        roles: ['qa'],
        skills: [],
        executor: { type: 'http', url: 'http://localhost:9000/run', headers: {} },
        retry: { skillRetryCount: 0, backoffMs: 1000, backoffFactor: 2 },
        concurrency: 1,
        extra: {},
      },
    ]);
  });
});
