import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ExecutionRequest } from '../../../domain/orchestrator/index.js';
import { createDevopsReadiness } from './devops-readiness.js';

// `attempt` is set as the orchestrator sets it; the cast keeps the test independent of fields added later.
const request = {
  executionId: 'exec:sprint-1#2:devops-engineer',
  agentId: 'devops-engineer',
  role: 'devops-engineer',
  sprintId: 'sprint-1',
  milestoneId: 'mvp-foundation',
  currentState: 'ValidatingInfra',
  traceId: 'trace-1',
  correlationId: 'c',
  causationId: 'x',
  features: [],
  allowedSkills: ['CheckPipelineReadiness'],
  attempt: 1,
} as ExecutionRequest;

const agent = createDevopsReadiness({ env: { ...process.env, KAIROS_TEST_SET: 'yes', KAIROS_TEST_EMPTY: '' }, now: () => new Date('2025-05-12T10:00:00Z') });
const run = (workspace: string, signal = new AbortController().signal) => agent.run(request, { workspace, signal });

function workspace(pipeline?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kairos-devops-'));
  mkdirSync(join(dir, 'planning'));
  if (pipeline !== undefined) writeFileSync(join(dir, 'planning', 'pipeline.yaml'), pipeline);
  return dir;
}

const readYaml = (dir: string, file: string): Record<string, unknown> => parse(readFileSync(join(dir, 'execution', 'sprint-1', file), 'utf8')) as Record<string, unknown>;

function listen<T extends HttpServer | TcpServer>(server: T): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

describe('built-in devops-readiness agent', () => {
  const tcp = createTcpServer((socket) => socket.end());
  const http = createHttpServer((req, res) => {
    if (req.url === '/down') res.writeHead(503).end('down');
    else if (req.url === '/hang') return; // never answers
    else res.writeHead(200).end('ok');
  });
  let tcpPort = 0;
  let httpPort = 0;
  let closedPort = 0;

  beforeAll(async () => {
    tcpPort = await listen(tcp);
    httpPort = await listen(http);
    const closed = createTcpServer();
    closedPort = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
  });
  afterAll(() => {
    tcp.close();
    http.closeAllConnections();
    http.close();
  });

  it('passes a pipeline whose programs, probes, variables and services all answer, and writes both files', async () => {
    const dir = workspace(
      [
        'commands:',
        '  - {name: runtime, command: node build.mjs, probe: node --version}',
        '  - {name: local, command: ./scripts/build.sh --all, probe: [./scripts/build.sh, --version]}',
        'environment: [KAIROS_TEST_SET]',
        'services:',
        `  - {name: queue, tcp: "127.0.0.1:${tcpPort}"}`,
        `  - {name: api, http: "http://127.0.0.1:${httpPort}/health"}`,
        'deployment:',
        '  environments: [staging, {name: production, requiresApproval: true, constraints: {replicas: 2}}]',
        '  constraints: {maxParallelDeployments: 1}',
        '',
      ].join('\n'),
    );
    mkdirSync(join(dir, 'scripts'));
    writeFileSync(join(dir, 'scripts', 'build.sh'), '#!/bin/sh\necho build 1.2.3\n');
    chmodSync(join(dir, 'scripts', 'build.sh'), 0o755);
    const outcome = await run(dir);
    expect(outcome).toEqual({
      status: 'completed',
      reports: [{ type: 'SprintInfraReady', data: { sprintId: 'sprint-1', checks: 5, pipelineStatus: 'execution/sprint-1/pipeline-status.yaml', deploymentConstraints: 'execution/sprint-1/deployment-constraints.yaml' } }],
      artifacts: ['execution/sprint-1/pipeline-status.yaml', 'execution/sprint-1/deployment-constraints.yaml'],
    });
    const status = readYaml(dir, 'pipeline-status.yaml');
    expect(status).toMatchObject({ sprintId: 'sprint-1', milestoneId: 'mvp-foundation', traceId: 'trace-1', checkedAt: '2025-05-12T10:00:00.000Z', source: 'planning/pipeline.yaml', status: 'ready', summary: { ok: 5, missing: 0, failed: 0 } });
    expect((status['checks'] as { name: string; kind: string; status: string; detail: string; durationMs: number }[]).map(({ name, kind, status: s, detail }) => [name, kind, s, detail])).toEqual([
      ['runtime', 'command', 'ok', expect.stringMatching(new RegExp(`^node found at .+; probe \`node --version\` exited 0: ${process.version.replace(/\./g, '\\.')}$`))],
      ['local', 'command', 'ok', './scripts/build.sh found; probe `./scripts/build.sh --version` exited 0: build 1.2.3'],
      ['KAIROS_TEST_SET', 'environment', 'ok', 'set'],
      ['queue', 'service', 'ok', `127.0.0.1:${tcpPort}: accepts connections`],
      ['api', 'service', 'ok', `http://127.0.0.1:${httpPort}/health: answered 200`],
    ]);
    expect(readYaml(dir, 'deployment-constraints.yaml')).toMatchObject({
      environments: [
        { name: 'staging', requiresApproval: false, constraints: {} },
        { name: 'production', requiresApproval: true, constraints: { replicas: 2 } },
      ],
      constraints: { maxParallelDeployments: 1 },
    });
  });

  it('fails saying exactly what is missing, kills a probe that hangs past its timeout, and still writes the files', async () => {
    const dir = workspace(
      [
        'commands:',
        '  - {name: deploy, command: kairos-no-such-program apply -f k8s/}',
        '  - {name: hang, command: node x.mjs, probe: [node, -e, "setTimeout(() => {}, 60000)"], timeoutMs: 300}',
        '  - {name: broken, command: node x.mjs, probe: [node, -e, "console.error(\'Error: no toolchain\') || process.exit(3)"]}',
        '  - {name: script, command: scripts/missing.sh}',
        'environment: [KAIROS_TEST_SET, KAIROS_TEST_MISSING, KAIROS_TEST_EMPTY]',
        'services:',
        `  - {name: db, tcp: "127.0.0.1:${closedPort}"}`,
        `  - {name: status, http: "http://127.0.0.1:${httpPort}/down"}`,
        `  - {name: slow, http: "http://127.0.0.1:${httpPort}/hang", timeoutMs: 300}`,
        '',
      ].join('\n'),
    );
    const began = performance.now();
    const outcome = await run(dir);
    expect(performance.now() - began).toBeLessThan(20_000);
    expect(outcome.status).toBe('failed');
    const reason = (outcome as { reason: string }).reason;
    expect(reason.split('; ').map((clause) => clause.replace(/ at \/[^,]+/, ' at …'))).toEqual([
      'pipeline not ready (execution/sprint-1/pipeline-status.yaml): command deploy: kairos-no-such-program not found on PATH',
      'command hang: node found at …, but probe `node -e "setTimeout(() => {}, 60000)"` did not finish within 300 ms (killed)',
      'command broken: node found at …, but probe `node -e "console.error(\'Error: no toolchain\') || process.exit(3)"` exited with code 3: Error: no toolchain',
      'command script: scripts/missing.sh not found in the workspace',
      'environment KAIROS_TEST_MISSING: not set',
      'environment KAIROS_TEST_EMPTY: set but empty',
      `service db: 127.0.0.1:${closedPort}: connection refused`,
      `service status: http://127.0.0.1:${httpPort}/down: answered 503`,
      `service slow: http://127.0.0.1:${httpPort}/hang: no answer within 300 ms`,
    ]);
    const status = readYaml(dir, 'pipeline-status.yaml');
    expect(status).toMatchObject({ status: 'notReady', summary: { ok: 1, missing: 4, failed: 5 } });
    const hang = (status['checks'] as { name: string; durationMs: number }[]).find((check) => check.name === 'hang');
    expect(hang?.durationMs).toBeGreaterThanOrEqual(250);
    expect(hang?.durationMs).toBeLessThan(10_000);
    expect(existsSync(join(dir, 'execution', 'sprint-1', 'deployment-constraints.yaml'))).toBe(true);
    expect(readFileSync(join(dir, 'execution', 'sprint-1', 'pipeline-status.yaml'), 'utf8')).not.toContain('yes');
  });

  it('passes a workspace that declares no pipeline, with a note', async () => {
    const dir = workspace();
    const outcome = await run(dir);
    expect(outcome).toMatchObject({ status: 'completed', reports: [{ type: 'SprintInfraReady', data: { checks: 0, note: 'no pipeline declared (planning/pipeline.yaml is absent): nothing to check' } }] });
    expect(readYaml(dir, 'pipeline-status.yaml')).toMatchObject({ status: 'ready', source: null, checks: [], note: expect.stringMatching(/^no pipeline declared/) });
  });

  it('fails on an invalid declaration with located errors, and records them', async () => {
    const dir = workspace('commands:\n  - {name: deploy, command: ../outside/deploy.sh}\nservices:\n  - {name: db, tcp: nowhere}\n');
    const outcome = await run(dir);
    expect(outcome).toEqual({
      status: 'failed',
      reason:
        'planning/pipeline.yaml is invalid: planning/pipeline.yaml:2:29: error: program ../outside/deploy.sh leaves the workspace; name it on PATH, by an absolute path, or inside the workspace; ' +
        'planning/pipeline.yaml:4:21: error: expected host:port (such as localhost:5432 or [::1]:5432), got "nowhere"',
    });
    expect(readYaml(dir, 'pipeline-status.yaml')).toMatchObject({ status: 'notReady', checks: [{ name: 'planning/pipeline.yaml', kind: 'declaration', status: 'failed' }] });
  });

  it('stops when its signal aborts, killing the probe it was running', async () => {
    const probe = "const fs = require('fs'); fs.writeFileSync('started.tmp', String(process.pid)); fs.renameSync('started.tmp', 'started'); setTimeout(() => {}, 60000)";
    const dir = workspace(`commands:\n  - {name: hang, command: node x.mjs, probe: [node, -e, ${JSON.stringify(probe)}], timeoutMs: 60000}\n`);
    const started = new Promise<void>((resolve) => {
      const watcher = watch(dir, (_event, name) => {
        if (name !== 'started') return;
        watcher.close();
        resolve();
      });
    });
    const controller = new AbortController();
    const running = run(dir, controller.signal);
    await started;
    const pid = Number(readFileSync(join(dir, 'started'), 'utf8'));
    controller.abort();
    expect(await running).toEqual({ status: 'failed', reason: 'interrupted before the readiness checks finished' });
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
  });

  it('passes the booking example offline', async () => {
    const dir = workspace(readFileSync(new URL('../../../../examples/booking/planning/pipeline.yaml', import.meta.url), 'utf8'));
    const outcome = await run(dir);
    expect(outcome).toMatchObject({ status: 'completed', reports: [{ type: 'SprintInfraReady', data: { checks: 3 } }] });
    expect(readYaml(dir, 'deployment-constraints.yaml')).toMatchObject({ constraints: { freezeDuring: ['mvp-ready'], maxParallelDeployments: 1 } });
  });
});
