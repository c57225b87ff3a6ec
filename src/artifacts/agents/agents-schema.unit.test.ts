import { describe, expect, it } from 'vitest';
import { formatForTest, yaml } from '../testing/check-texts.js';
import { validateText } from '../validation/validate-text.js';

describe('agents.yaml schema', () => {
  it('accepts builtin, command (string or list) and http executors with retry and limits', () => {
    const text = yaml(
      'agents:',
      '  - id: product-owner',
      '    roles: [product-owner]',
      '    skills: [PlanSprint]',
      '    executor: {type: builtin, name: planner}',
      '  - id: backend-developer',
      '    roles: [backend-developer]',
      '    executor:',
      '      type: command',
      '      command: node agents/generate-handler.mjs',
      '      cwd: .',
      '      env: {LOG_LEVEL: debug}',
      '    timeoutMs: 120000',
      '    retry: {skillRetryCount: 2, backoffMs: 500, backoffFactor: 2}',
      '    concurrency: 2',
      '  - id: docs',
      '    roles: [documentation]',
      '    executor: {type: command, command: [node, agents/write-docs.mjs]}',
      '  - id: remote',
      '    roles: [qa]',
      '    executor: {type: http, url: "https://agents.example.com/qa", headers: {Authorization: Bearer x}}',
    );
    const report = validateText(text, 'agents.yaml');
    expect(report.kind).toBe('agents');
    expect(report.diagnostics).toEqual([]);
  });

  it('reports bad executors, limits and roles, each located', () => {
    const text = yaml(
      'agents:',
      '  - id: a',
      '    roles: []',
      '    executor: {type: shell, command: x}',
      '  - id: b',
      '    roles: [qa]',
      '    executor: {type: command, command: 3}',
      '    timeoutMs: 0',
      '    retry: {skillRetryCount: 1.5}',
      '  - id: c',
      '    roles: [qa]',
      '    executor: {type: http, url: "ftp://x"}',
      '  - id: d',
      '    roles: [qa]',
      '    executor: {type: builtin, name: qa-validatr}',
      '  - id: e',
      '    roles: [qa]',
      '    executor: {command: x}',
    );
    expect(validateText(text, 'a.yaml').diagnostics.map(formatForTest)).toEqual([
      'a.yaml:3:12: error: roles must not be empty (at agents[0].roles)',
      'a.yaml:4:22: error: type must be one of builtin, command, http, got shell (at agents[0].executor.type)',
      'a.yaml:7:40: error: command must be text or a list, got the number 3 (at agents[1].executor.command)',
      'a.yaml:8:16: error: timeoutMs must be more than 0, got 0 (at agents[1].timeoutMs)',
      'a.yaml:9:30: error: skillRetryCount must be a whole number, got the number 1.5 (at agents[1].retry.skillRetryCount)',
      'a.yaml:12:33: error: url must be an http(s) URL, got ftp://x (at agents[2].executor.url)',
      'a.yaml:15:37: warning: Kairos ships no built-in agent qa-validatr (did you mean qa-validator?) (at agents[3].executor.name)',
      'a.yaml:18:15: error: missing required key type (one of builtin, command, http) (at agents[4].executor.type)',
    ]);
  });
});
