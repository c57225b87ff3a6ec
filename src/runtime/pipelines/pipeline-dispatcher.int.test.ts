import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReleaseSettings } from '../../artifacts/index.js';
import { EventType, type StoredEvent } from '../../domain/events/index.js';
import { idempotencyKeyOf, pipelineDefaults, pipelineEventIds, pipelineStatuses, pipelineStream, type PipelineDefinition } from '../../domain/pipelines/index.js';
import type { OrchestratorConfig } from '../../domain/orchestrator/index.js';
import { resolveVersioningSettings } from '../../domain/release/index.js';
import { openEventStore, type EventStore } from '../../store/index.js';
import { instantAgentRunner, instantAgentsConfig } from '../agents/index.js';
import type { Clock } from '../clock.js';
import { Orchestrator } from '../orchestrator/orchestrator.js';
import { recordPlan } from '../plan/record-plan.js';
import { pipelineCursorPath } from './pipeline-cursor.js';
import { PipelineDispatcher } from './pipeline-dispatcher.js';
import { testMilestone, testSprint } from '../../domain/planning/testing/plan-fixtures.js';

let config: OrchestratorConfig;
const clock: Clock = { now: () => '2026-11-24T10:00:00.000Z' };
const folders: string[] = [];
const stores: EventStore[] = [];
const servers: Server[] = [];
const noWait = (): Promise<void> => Promise.resolve();


beforeAll(async () => {
  config = await instantAgentsConfig();
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => {
    server.close(done);
    server.closeAllConnections();
  })));
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A CI server: answers the n-th delivery of an event (by ce-id) with `statuses[n]` (the last one after that), recording what it received. */
async function ciServer(statuses: number[]): Promise<{ url: string; received: { headers: IncomingHttpHeaders; body: string }[] }> {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      const seen = received.filter((earlier) => earlier.headers['ce-id'] === request.headers['ce-id']).length;
      response.statusCode = statuses[Math.min(seen - 1, statuses.length - 1)] ?? 200;
      response.end(response.statusCode < 300 ? '{"build":"42"}' : 'busy');
    });
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/release`, received };
}

/** A workspace where m1 completes, its trigger naming the pipeline `deploy-to-staging`, then m2 completes. */
async function completedWorkspace(): Promise<{ workspace: string; store: EventStore; orchestrator: Orchestrator }> {
  const workspace = await mkdtemp(join(tmpdir(), 'kairos-pipelines-'));
  folders.push(workspace);
  const store = await openEventStore(`sqlite:${join(workspace, '.kairos', 'events.db')}`);
  stores.push(store);
  await recordPlan(store, { machines: [config.sprintMachine.definition, config.milestoneMachine.definition], milestones: [testMilestone('m1', 'deploy-to-staging'), testMilestone('m2')], features: [], sprints: [testSprint('s1', 'm1', ['A'], []), testSprint('s2', 'm2', ['B'], [])] }, clock);
  const orchestrator = new Orchestrator({ store, config, runner: instantAgentRunner, workspace, clock, writeSprintStates: false });
  await orchestrator.runUntilIdle();
  return { workspace, store, orchestrator };
}

function settings(pipelines: PipelineDefinition[]): ReleaseSettings {
  return { versioning: resolveVersioningSettings({ service: 'booking-service' }, 'demo'), pipelines };
}

const webhook = (name: string, url: string, on: string[], retries = 2): PipelineDefinition => ({ name, on, target: { kind: 'webhook', url, headers: { authorization: 'Bearer ci-token' } }, retries, backoffMs: 1, timeoutMs: 5000 });

async function pipelineEvents(store: EventStore, name: string): Promise<StoredEvent[]> {
  return store.readStream(pipelineStream(name));
}

describe('PipelineDispatcher', () => {
  it('delivers MilestoneCompleted as a binary-mode CloudEvent, retrying a 503, and records the run with its duration', async () => {
    const { workspace, store, orchestrator } = await completedWorkspace();
    const ci = await ciServer([503, 200]);
    const dispatcher = new PipelineDispatcher({ store, workspace, settings: settings([webhook('release', ci.url, ['MilestoneCompleted'])]), clock, wait: noWait });
    expect(await dispatcher.atIdle(orchestrator.board)).toBe(4);
    // m1 first attempt (503), its retry, then m2 (or the other way round: they run together).
    expect(ci.received).toHaveLength(4);
    const m1 = ci.received.filter((request) => request.headers['ce-milestoneid'] === 'm1');
    expect(m1).toHaveLength(2);
    const first = m1[0] as { headers: IncomingHttpHeaders; body: string };
    expect(first.headers['ce-specversion']).toBe('1.0');
    expect(first.headers['ce-type']).toBe('kairos.MilestoneCompleted');
    expect(first.headers['ce-id']).toMatch(/^pipeline:release<milestone-m1#\d+:MilestoneCompleted$/);
    expect(first.headers['idempotency-key']).toBe(first.headers['ce-id']);
    expect(m1[1]?.headers['ce-id']).toBe(first.headers['ce-id']);
    expect(first.headers['ce-pipeline']).toBe('release');
    expect(first.headers['ce-versiontag']).toMatch(/^booking-service:1\.0\.0-m1-v1-trace/);
    expect(first.headers['authorization']).toBe('Bearer ci-token');
    expect(first.headers['content-type']).toContain('application/json');
    expect(JSON.parse(first.body)).toMatchObject({ milestoneId: 'm1', versionTag: 'm1-v1' });

    const events = await pipelineEvents(store, 'release');
    expect(events.map((event) => event.type).sort()).toEqual(['PipelineStarted', 'PipelineStarted', 'ReleaseTriggered', 'ReleaseTriggered']);
    const runs = pipelineStatuses(events);
    expect(runs.map((run) => [run.milestoneId, run.status, run.triggerType])).toEqual(expect.arrayContaining([['m1', 'triggered', 'MilestoneCompleted'], ['m2', 'triggered', 'MilestoneCompleted']]));
    expect(runs.every((run) => typeof run.durationMs === 'number')).toBe(true);
    const triggered = events.find((event) => event.type === EventType.ReleaseTriggered && event.milestoneId === 'm1');
    expect(triggered?.data).toMatchObject({ pipeline: 'release', attempts: 2, httpStatus: 200, response: '{"build":"42"}', status: 'triggered' });
    expect(triggered?.causationId).toMatch(/MilestoneCompleted$/);
  });

  it('runs a command named by a milestone trigger, with the key and version tags in its environment and the event on stdin', async () => {
    const { workspace, store, orchestrator } = await completedWorkspace();
    const script = 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>require("fs").writeFileSync("deploy.json",JSON.stringify({env:{key:process.env.KAIROS_IDEMPOTENCY_KEY,tag:process.env.KAIROS_VERSION_TAG,milestone:process.env.KAIROS_MILESTONE_ID,pipeline:process.env.KAIROS_PIPELINE}, event:JSON.parse(s)})))';
    const deploy: PipelineDefinition = { name: 'deploy-to-staging', on: [], target: { kind: 'command', command: [process.execPath, '-e', script] }, ...pipelineDefaults };
    const dispatcher = new PipelineDispatcher({ store, workspace, settings: settings([deploy]), clock, wait: noWait });
    expect(await dispatcher.atIdle(orchestrator.board)).toBe(2);
    const written = JSON.parse(await readFile(join(workspace, 'deploy.json'), 'utf8')) as { env: Record<string, string>; event: Record<string, unknown> };
    expect(written.env).toEqual({ key: expect.stringMatching(/^pipeline:deploy-to-staging<.*trigger-0/), tag: expect.stringMatching(/^booking-service:1\.0\.0-m1-v1-/), milestone: 'm1', pipeline: 'deploy-to-staging' });
    expect(written.event).toMatchObject({ specversion: '1.0', type: 'kairos.TriggerFired', id: written.env['key'], data: { next: 'deploy-to-staging' } });
    expect((await pipelineEvents(store, 'deploy-to-staging')).map((event) => event.type)).toEqual(['PipelineStarted', 'ReleaseTriggered']);
  });

  it('records a refused delivery as PipelineFailed with the reason, without retrying a 4xx', async () => {
    const { workspace, store, orchestrator } = await completedWorkspace();
    const ci = await ciServer([400]);
    const dispatcher = new PipelineDispatcher({ store, workspace, settings: settings([webhook('release', ci.url, ['MilestoneCompleted'])]), clock, wait: noWait });
    await dispatcher.atIdle(orchestrator.board);
    expect(ci.received).toHaveLength(2);
    const failed = (await pipelineEvents(store, 'release')).filter((event) => event.type === EventType.PipelineFailed);
    expect(failed).toHaveLength(2);
    expect(failed[0]?.reason).toMatch(/^POST http:\/\/127\.0\.0\.1:\d+\/hooks\/release answered HTTP 400: busy \(1 attempt\)$/);
  });

  it('never triggers twice: a second dispatcher (a restart, its cursor lost) finds the runs recorded', async () => {
    const { workspace, store, orchestrator } = await completedWorkspace();
    const ci = await ciServer([200]);
    const pipelines = settings([webhook('release', ci.url, ['MilestoneCompleted'])]);
    await new PipelineDispatcher({ store, workspace, settings: pipelines, clock, wait: noWait }).atIdle(orchestrator.board);
    expect(ci.received).toHaveLength(2);
    await rm(pipelineCursorPath(workspace));
    await orchestrator.runUntilIdle();
    expect(await new PipelineDispatcher({ store, workspace, settings: pipelines, clock, wait: noWait }).atIdle(orchestrator.board)).toBe(0);
    expect(ci.received).toHaveLength(2);

  });

  it('delivers a run a killed process left started again, with the same key, and the others once', async () => {
    const { workspace, store, orchestrator } = await completedWorkspace();
    const ci = await ciServer([200]);
    const [completed] = (await store.readStream('milestone-m1')).filter((event) => event.type === EventType.MilestoneCompleted);
    const key = idempotencyKeyOf('release', (completed as StoredEvent).eventId);
    // What a process killed during the delivery leaves: the start recorded, no end.
    await store.append(pipelineStream('release'), [{ eventId: pipelineEventIds(key).started, type: 'PipelineStarted', occurredAt: clock.now(), traceId: 't', correlationId: 'c', causationId: null, milestoneId: 'm1', data: { pipeline: 'release', idempotencyKey: key, trigger: { eventId: (completed as StoredEvent).eventId, type: 'MilestoneCompleted', position: (completed as StoredEvent).position, streamId: 'milestone-m1' } } }]);
    const dispatcher = new PipelineDispatcher({ store, workspace, settings: settings([webhook('release', ci.url, ['MilestoneCompleted'])]), clock, wait: noWait });
    expect(await dispatcher.atIdle(orchestrator.board)).toBe(3);
    expect(ci.received.map((request) => request.headers['ce-milestoneid']).sort()).toEqual(['m1', 'm2']);
    expect(ci.received.find((request) => request.headers['ce-milestoneid'] === 'm1')?.headers['ce-id']).toBe(key);
    expect(pipelineStatuses(await pipelineEvents(store, 'release')).map((run) => run.status)).toEqual(['triggered', 'triggered']);
  });

  it('records no end for a run stopped midway (Ctrl-C): the next run delivers it again with the same key', async () => {
    const { workspace, store, orchestrator } = await completedWorkspace();
    const stop = new AbortController();
    const keys: string[] = [];
    const server = createServer((request) => {
      keys.push(String(request.headers['ce-id']));
      stop.abort();
    });
    servers.push(server);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const only = (name: string): PipelineDefinition => ({ ...webhook(name, url, ['MilestoneCompleted'], 0) });
    await new PipelineDispatcher({ store, workspace, settings: settings([only('release')]), clock, signal: stop.signal, wait: noWait }).atIdle(orchestrator.board);
    expect(pipelineStatuses(await pipelineEvents(store, 'release')).map((run) => run.status)).toEqual(['running', 'running']);
    const ci = await ciServer([200]);
    await new PipelineDispatcher({ store, workspace, settings: settings([webhook('release', ci.url, ['MilestoneCompleted'])]), clock, wait: noWait }).atIdle(orchestrator.board);
    expect(ci.received.map((request) => request.headers['ce-id']).sort()).toEqual([...new Set(keys)].sort());
    expect(pipelineStatuses(await pipelineEvents(store, 'release')).map((run) => run.status)).toEqual(['triggered', 'triggered']);
  });

  it('runs a pipeline added later only for events from then on', async () => {
    const { workspace, store, orchestrator } = await completedWorkspace();
    await new PipelineDispatcher({ store, workspace, settings: settings([]), clock }).atIdle(orchestrator.board);
    const ci = await ciServer([200]);
    expect(await new PipelineDispatcher({ store, workspace, settings: settings([webhook('release', ci.url, ['MilestoneCompleted'])]), clock }).atIdle(orchestrator.board)).toBe(0);
    expect(ci.received).toEqual([]);
  });
});
