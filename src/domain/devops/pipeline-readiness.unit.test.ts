import { describe, expect, it } from 'vitest';
import { deploymentConstraintsDocument, describeNotReady, isReady, pipelineStatusDocument } from './pipeline-readiness.js';
import type { ReadinessCheck } from './readiness-check.js';

const scope = { sprintId: 'sprint-1', traceId: 'trace-1', checkedAt: '2025-05-12T10:00:00.000Z', source: 'planning/pipeline.yaml' };
const checks: ReadinessCheck[] = [
  { name: 'runtime', kind: 'command', status: 'ok', detail: 'node found at /usr/bin/node; `node --version` exited 0 (v20.20.2)', durationMs: 30 },
  { name: 'deploy', kind: 'command', status: 'missing', detail: 'kubectl not found on PATH', durationMs: 1 },
  { name: 'DEPLOY_TOKEN', kind: 'environment', status: 'missing', detail: 'not set', durationMs: 0 },
  { name: 'registry', kind: 'service', status: 'failed', detail: 'localhost:4873: connection refused', durationMs: 3 },
];

describe('pipeline readiness', () => {
  it('is ready only when every check is ok, and says exactly what is not', () => {
    expect(isReady(checks)).toBe(false);
    expect(isReady(checks.slice(0, 1))).toBe(true);
    expect(isReady([])).toBe(true);
    expect(describeNotReady(checks)).toBe('command deploy: kubectl not found on PATH; environment DEPLOY_TOKEN: not set; service registry: localhost:4873: connection refused');
  });

  it('writes the status document with a summary and every check', () => {
    const document = pipelineStatusDocument(scope, checks);
    expect(document).toMatchObject({ sprintId: 'sprint-1', traceId: 'trace-1', source: 'planning/pipeline.yaml', status: 'notReady', summary: { ok: 1, missing: 2, failed: 1 } });
    expect(document['checks']).toHaveLength(4);
    const { source: _source, ...undeclared } = scope;
    expect(pipelineStatusDocument(undeclared, [], 'no pipeline declared')).toMatchObject({ status: 'ready', note: 'no pipeline declared', source: null, checks: [] });
  });

  it('records the declared deployment, or none', () => {
    const declaration = {
      commands: [],
      environment: [],
      services: [],
      deployment: { environments: [{ name: 'production', url: 'https://x', requiresApproval: true, constraints: { replicas: 2 } }], constraints: { maxParallelDeployments: 1 } },
    };
    expect(deploymentConstraintsDocument(scope, declaration)).toMatchObject({
      environments: [{ name: 'production', url: 'https://x', requiresApproval: true, constraints: { replicas: 2 } }],
      constraints: { maxParallelDeployments: 1 },
    });
    expect(deploymentConstraintsDocument(scope, undefined)).toMatchObject({ environments: [], constraints: {} });
  });
});
