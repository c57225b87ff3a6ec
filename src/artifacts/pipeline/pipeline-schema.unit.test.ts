import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatForTest, yaml } from '../testing/check-texts.js';
import { validateText } from '../validation/validate-text.js';
import { normalizePipeline } from './normalize-pipeline.js';
import type { PipelineFile } from './pipeline-schema.js';

const booking = fileURLToPath(new URL('../../../examples/booking/planning/pipeline.yaml', import.meta.url));

describe('pipeline.yaml schema', () => {
  it('validates the booking example clean, its kind told by its name', () => {
    const report = validateText(readFileSync(booking, 'utf8'), 'planning/pipeline.yaml');
    expect(report.kind).toBe('pipeline');
    expect(report.diagnostics).toEqual([]);
  });

  it('accepts the short and the long form of every entry', () => {
    const text = yaml(
      'commands:',
      '  - npm run build',
      '  - {command: [node, scripts/check.mjs], probe: node --version, timeoutMs: 1000}',
      'environment: [CI, {name: NPM_TOKEN, description: publishes packages}]',
      'services:',
      '  - {name: db, tcp: "[::1]:5432"}',
      '  - {name: registry, http: "http://localhost:4873/-/ping", timeoutMs: 500}',
      'deployment:',
      '  environments: [staging, {name: production, requiresApproval: true, constraints: {replicas: 2}}]',
      '  constraints: {maxParallelDeployments: 1}',
    );
    expect(validateText(text, 'pipeline.yaml', { kind: 'pipeline' }).diagnostics).toEqual([]);
  });

  it('reports every problem at once, located', () => {
    const text = yaml(
      'commands:',
      '  - {name: deploy, command: ../tools/deploy.sh}',
      '  - {name: deploy, command: "A=1"}',
      'environment: [CI, "not a name"]',
      'services:',
      '  - {name: db, tcp: localhost}',
      '  - {name: cache}',
      '  - {name: both, tcp: "localhost:1", http: "http://localhost:2"}',
      'colour: red',
    );
    expect(validateText(text, 'p.yaml', { kind: 'pipeline' }).diagnostics.map(formatForTest)).toEqual([
      'p.yaml:2:29: error: program ../tools/deploy.sh leaves the workspace; name it on PATH, by an absolute path, or inside the workspace (at commands[0].command)',
      'p.yaml:3:5: error: duplicate command deploy (first at commands[0]); names must be unique (at commands[1])',
      'p.yaml:3:29: error: the command names no program (at commands[1].command)',
      'p.yaml:4:19: error: environment variable names are letters, digits and _ (not starting with a digit), got "not a name" (at environment[1])',
      'p.yaml:6:21: error: expected host:port (such as localhost:5432 or [::1]:5432), got "localhost" (at services[0].tcp)',
      'p.yaml:7:5: error: service cache needs tcp: host:port or http: url (at services[1])',
      'p.yaml:8:44: error: service both has both tcp and http; declare one per service (at services[2].http)',
      'p.yaml:9:1: warning: unknown key colour is kept but not used (at colour)',
    ]);
  });
});

describe('pipeline.yaml short forms', () => {
  it('checks the program of a command given as a plain line too', () => {
    expect(validateText(yaml('commands: [../tools/x.sh, "A=1", ./ok.sh]'), 'p.yaml', { kind: 'pipeline' }).diagnostics.map(formatForTest)).toEqual([
      'p.yaml:1:12: error: program ../tools/x.sh leaves the workspace; name it on PATH, by an absolute path, or inside the workspace (at commands[0])',
      'p.yaml:1:27: error: the command names no program (at commands[1])',
    ]);
  });
});

describe('normalizePipeline', () => {
  it('fills names from the command line, default timeouts, and parses endpoints', () => {
    const file: PipelineFile = {
      commands: ['npm run build', { command: ['node', 'x.mjs'], probe: 'node --version', timeoutMs: 1000 }],
      environment: ['CI', { name: 'NPM_TOKEN', description: 'publishes' }],
      services: [
        { name: 'db', tcp: '[::1]:5432' },
        { name: 'registry', http: 'http://localhost:4873/-/ping', timeoutMs: 500 },
      ],
      deployment: { environments: ['staging', { name: 'production', requiresApproval: true, constraints: { replicas: 2 } }], constraints: { maxParallelDeployments: 1 } },
    };
    expect(normalizePipeline(file)).toEqual({
      commands: [
        { name: 'npm run build', command: 'npm run build', timeoutMs: 5000 },
        { name: 'node x.mjs', command: ['node', 'x.mjs'], probe: 'node --version', timeoutMs: 1000 },
      ],
      environment: [{ name: 'CI' }, { name: 'NPM_TOKEN', description: 'publishes' }],
      services: [
        { name: 'db', kind: 'tcp', host: '::1', port: 5432, timeoutMs: 2000 },
        { name: 'registry', kind: 'http', url: 'http://localhost:4873/-/ping', timeoutMs: 500 },
      ],
      deployment: {
        environments: [
          { name: 'staging', requiresApproval: false, constraints: {} },
          { name: 'production', requiresApproval: true, constraints: { replicas: 2 } },
        ],
        constraints: { maxParallelDeployments: 1 },
      },
    });
  });
});
