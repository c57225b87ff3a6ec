import { mkdir, mkdtemp, readFile, realpath, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExecutionRequest } from '../../domain/orchestrator/index.js';
import type { Milestone, Sprint } from '../../domain/planning/index.js';
import { openEventStore, type EventStore } from '../../store/index.js';
import type { AgentRunner } from '../agents/agent-runner.js';
import { runCommandAgent } from '../agents/command-agent.js';
import { instantAgentsConfig, instantOutcome } from '../agents/instant-agent-runner.js';
import { recordPlan } from '../plan/record-plan.js';
import { ExecutionMetadataWriter, executionMetadataWriter } from './execution-metadata-writer.js';
import { Orchestrator } from './orchestrator.js';
import { performExecution, recordStart, workspaceRealPath, type ExecutionDeps } from './perform-execution.js';
import { sprintStatePath } from './sprint-state-path.js';

const folders: string[] = [];
const stores: EventStore[] = [];
const writers: ExecutionMetadataWriter[] = [executionMetadataWriter];

afterEach(async () => {
  // Records are written in the background: let them land before the workspaces go.
  await Promise.all(writers.map((writer) => writer.flush()));
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

const baseRequest: ExecutionRequest = {
  executionId: 'exec:sprint-1#4:backend-developer',
  agentId: 'backend-developer',
  role: 'backend-developer',
  sprintId: 'sprint-1',
  milestoneId: 'mvp-core',
  moduleId: 'booking',
  currentState: 'Active',
  traceId: 'trace-abc123',
  correlationId: 'c',
  causationId: 'x',
  features: ['BookingFlow'],
  allowedSkills: ['GenerateHandler', 'CommitCode'],
};

/** A command agent runner: `agent.mjs` of the workspace, run by node. */
const commandRunner: AgentRunner = {
  run: (request, context) => runCommandAgent({ type: 'command', command: [process.execPath, 'agent.mjs'], env: {} }, request, context, 30_000),
};

interface Bench {
  /** The temporary folder holding the workspace (`ws/`): what is outside the workspace. */
  base: string;
  workspace: string;
  store: EventStore;
  deps: ExecutionDeps;
  /** What the metadata writer warned about (after `metadata()`, which flushes it). */
  warnings: string[];
  /** Records the start of `request` and runs it with the agent script. */
  execute(request?: ExecutionRequest): Promise<number>;
  types(): Promise<string[]>;
  /** The content of an execution-metadata.json once the writer wrote what it has. */
  metadata(path?: string): Promise<string>;
}

/** A real workspace whose agent is the JavaScript `script`, a SQLite log, a clock that ticks a second per reading. */
async function bench(script: string): Promise<Bench> {
  const base = await mkdtemp(join(tmpdir(), 'kairos-scope-'));
  folders.push(base);
  const workspace = join(base, 'ws');
  await mkdir(join(workspace, 'src'), { recursive: true });
  await writeFile(join(workspace, 'agent.mjs'), script);
  const store = await openEventStore(`sqlite:${join(workspace, '.kairos', 'events.db')}`);
  stores.push(store);
  let seconds = 0;
  let milliseconds = 0;
  const warnings: string[] = [];
  const writer = new ExecutionMetadataWriter({ intervalMs: 0, onWarning: (message) => warnings.push(message) });
  writers.push(writer);
  const deps: ExecutionDeps = {
    store,
    runner: commandRunner,
    clock: { now: () => new Date(Date.UTC(2026, 10, 23, 10, 0, seconds++)).toISOString() },
    workspace,
    signal: new AbortController().signal,
    elapsed: () => (milliseconds += 250),
    metadata: writer,
  };
  return {
    base, workspace, store, deps, warnings,
    execute: async (request = baseRequest) => {
      await recordStart(deps, request);
      return performExecution(deps, request);
    },
    types: async () => (await store.readAll({ limit: 1000 })).map((event) => event.type),
    metadata: async (path = 'metadata/booking/execution-metadata.json') => {
      await writer.flush();
      return readFile(join(workspace, path), 'utf8');
    },
  };
}

/** An agent script that prints each report as a JSON line (after running `before`, JavaScript). */
const reporting = (reports: object[], before = ''): string => `import fs from 'node:fs';\n${before}\n${reports.map((report) => `console.log(${JSON.stringify(JSON.stringify(report))});`).join('\n')}\n`;

describe('scope rules on a command agent\'s output (real processes, real workspaces, SQLite)', () => {
  it('rejects the whole output of an agent reporting an event for another sprint: AgentScopeViolation and AgentSkillFailed, none of its events', async () => {
    const { execute, types, store } = await bench(reporting([
      { type: 'ArtifactProduced', featureId: 'BookingFlow', data: { path: 'src/Handler.cs' } },
      { type: 'SprintTestPlanReady', data: { sprintId: 'sprint-2' } },
    ], `fs.writeFileSync('src/Handler.cs', '// handler');`));
    expect(await execute()).toBe(2);
    expect(await types()).toEqual(['AgentExecutionStarted', 'AgentScopeViolation', 'AgentSkillFailed']);
    const [, violation, failed] = await store.readAll({ limit: 10 });
    expect(violation).toMatchObject({
      eventId: 'exec:sprint-1#4:backend-developer:scope-violation',
      streamId: 'agent-backend-developer',
      sprintId: 'sprint-1',
      data: {
        executionId: 'exec:sprint-1#4:backend-developer',
        agentId: 'backend-developer',
        sprintId: 'sprint-1',
        violations: [{ rule: 'other-sprint', detail: 'report 2 (SprintTestPlanReady) names sprint sprint-2; the execution runs in sprint sprint-1' }],
        violationCount: 1,
        rejectedReports: 2,
      },
    });
    expect(violation?.data).not.toHaveProperty('skillId');
    expect(failed).toMatchObject({ type: 'AgentSkillFailed', reason: 'scope violation: report 2 (SprintTestPlanReady) names sprint sprint-2; the execution runs in sprint sprint-1', data: { status: 'Failed' } });
  });

  it('rejects a report naming a skill the agent does not have, and records the skill', async () => {
    const { execute, types, store } = await bench(reporting([{ type: 'ArtifactProduced', skillId: 'DeployProduction', featureId: 'BookingFlow', data: { path: 'src/a.cs' } }]));
    await execute();
    expect(await types()).toEqual(['AgentExecutionStarted', 'AgentScopeViolation', 'AgentSkillFailed']);
    const failed = (await store.readAll({ limit: 10 })).at(-1);
    expect(failed).toMatchObject({ skillId: 'DeployProduction', reason: 'scope violation: report 1 (ArtifactProduced) names skill DeployProduction, not one of the agent\'s skills (GenerateHandler, CommitCode)' });
  });

  it('rejects a file written out of the workspace with ..', async () => {
    const { execute, types, store, base } = await bench(reporting([{ type: 'ArtifactProduced', featureId: 'BookingFlow', data: { path: '../outside.txt' } }], `fs.writeFileSync('../outside.txt', 'x');`));
    await execute();
    expect(await readFile(join(base, 'outside.txt'), 'utf8')).toBe('x');
    expect(await types()).toEqual(['AgentExecutionStarted', 'AgentScopeViolation', 'AgentSkillFailed']);
    expect((await store.readAll({ limit: 10 })).at(-1)?.reason).toBe('scope violation: report 1 (ArtifactProduced) data.path "../outside.txt" escapes the workspace');
  });

  it('rejects a file reached through a symlink out of the workspace, and accepts one through a symlink within it', async () => {
    const outside = await bench(reporting([{ type: 'ArtifactProduced', featureId: 'BookingFlow', data: { path: 'link/secret.txt' } }], `fs.writeFileSync('link/secret.txt', 'x');`));
    await mkdir(join(outside.base, 'elsewhere'));
    await symlink(join(outside.base, 'elsewhere'), join(outside.workspace, 'link'));
    await outside.execute();
    expect(await outside.types()).toEqual(['AgentExecutionStarted', 'AgentScopeViolation', 'AgentSkillFailed']);
    expect((await outside.store.readAll({ limit: 10 })).at(-1)?.reason).toBe(
      `scope violation: report 1 (ArtifactProduced) data.path "link/secret.txt" resolves through a symlink to ${join(outside.base, 'elsewhere', 'secret.txt')}, outside the workspace`,
    );

    const inside = await bench(reporting([{ type: 'ArtifactProduced', featureId: 'BookingFlow', data: { path: 'alias/new/a.cs' } }]));
    await symlink(join(inside.workspace, 'src'), join(inside.workspace, 'alias'));
    await inside.execute();
    expect(await inside.types()).toEqual(['AgentExecutionStarted', 'ArtifactProduced', 'AgentExecutionCompleted']);
  });

  it('rejects events an agent may not report (an orchestrator decision)', async () => {
    const { execute, types, store } = await bench(reporting([{ type: 'SprintClosed', data: { sprintId: 'sprint-1' } }]));
    await execute();
    expect(await types()).toEqual(['AgentExecutionStarted', 'AgentScopeViolation', 'AgentSkillFailed']);
    expect((await store.readAll({ limit: 10 }))[1]?.data['violations']).toEqual([{ rule: 'reserved-event-type', detail: 'report 1 (SprintClosed): SprintClosed is recorded by the orchestrator, not reported by an agent' }]);
  });
});

describe('workspaceRealPath', () => {
  it('resolves a workspace reached through a symlink once, on the first call, and gives undefined for one that is missing', async () => {
    const base = await mkdtemp(join(tmpdir(), 'kairos-real-workspace-'));
    folders.push(base);
    await mkdir(join(base, 'real'));
    await symlink(join(base, 'real'), join(base, 'link'));
    const expected = await realpath(join(base, 'real'));
    const real = workspaceRealPath(join(base, 'link'));
    expect(await real()).toBe(expected);
    // Kept for the orchestrator's life: a moved workspace is not looked up again.
    await rename(join(base, 'real'), join(base, 'moved'));
    expect(await real()).toBe(expected);
    expect(await workspaceRealPath(join(base, 'link'))()).toBeUndefined();
  });
});

describe('metadata/<moduleId>/execution-metadata.json', () => {
  it('holds the record of a completed and of a failed execution, with the stderr excerpt', async () => {
    const { execute, metadata } = await bench(`
      import fs from 'node:fs';
      const context = JSON.parse(fs.readFileSync(0, 'utf8'));
      if (context.executionId.endsWith('@2')) { console.error('x'.repeat(5000) + '\\nError: no database'); process.exit(2); }
      console.error('generating');
      console.log(JSON.stringify({ type: 'ArtifactProduced', featureId: 'BookingFlow', skillId: 'GenerateHandler', data: { path: 'src/BookAppointmentHandler.cs' } }));
    `);
    await execute();
    await execute({ ...baseRequest, executionId: `${baseRequest.executionId}@2`, attempt: 2 });
    const file = JSON.parse(await metadata()) as { moduleId: string; executions: Record<string, unknown>[] };
    expect(file.moduleId).toBe('booking');
    expect(file.executions).toHaveLength(2);
    const [completed, failed] = file.executions;
    expect(completed).toEqual({
      executionId: 'exec:sprint-1#4:backend-developer',
      agentId: 'backend-developer',
      skillId: 'GenerateHandler',
      traceId: 'trace-abc123',
      sprintId: 'sprint-1',
      milestoneId: 'mvp-core',
      moduleId: 'booking',
      featureId: 'BookingFlow',
      features: ['BookingFlow'],
      role: 'backend-developer',
      status: 'Success',
      durationMs: 250,
      output: 'src/BookAppointmentHandler.cs',
      artifacts: ['src/BookAppointmentHandler.cs'],
      attempt: 1,
      startedAt: '2026-11-23T10:00:01.750Z',
      endedAt: '2026-11-23T10:00:02.000Z',
      logPosition: 3,
      stderr: 'generating\n',
    });
    expect(failed).toMatchObject({ executionId: 'exec:sprint-1#4:backend-developer@2', status: 'Failed', reason: 'exited with code 2: Error: no database', attempt: 2, artifacts: [], logPosition: 5 });
    expect(failed?.['skillId']).toBeUndefined();
    expect(String(failed?.['stderr'])).toHaveLength(4096);
    expect(String(failed?.['stderr'])).toMatch(/^x+\nError: no database\n$/);
  });

  it('is rewritten with the same bytes when an execution runs again, and the log gets nothing twice', async () => {
    const { execute, metadata, store } = await bench(`
      import fs from 'node:fs';
      const context = JSON.parse(fs.readFileSync(0, 'utf8'));
      console.log(JSON.stringify({ type: 'ArtifactProduced', featureId: 'BookingFlow', data: { path: 'src/a.cs' } }));
      if (context.role === 'qa') console.log(JSON.stringify({ type: 'FeatureStatusChanged', featureId: 'BookingFlow', data: { status: 'completed', sprintId: 'sprint-9' } }));
    `);
    const { moduleId: _module, ...rest } = baseRequest;
    const unmoduled: ExecutionRequest = { ...rest, executionId: 'exec:sprint-1#5:qa', role: 'qa' };
    const path = 'metadata/_milestones/mvp-core/execution-metadata.json';
    await execute();
    await execute(unmoduled);
    const [first, firstUnmoduled, events] = [await metadata(), await metadata(path), await store.readAll({ limit: 100 })];
    await execute();
    await execute(unmoduled);
    expect(await metadata()).toBe(first);
    expect(await metadata(path)).toBe(firstUnmoduled);
    expect(await store.readAll({ limit: 100 })).toEqual(events);
    expect(events.map((event) => event.type)).toEqual([
      'AgentExecutionStarted', 'ArtifactProduced', 'AgentExecutionCompleted',
      'AgentExecutionStarted', 'AgentScopeViolation', 'AgentSkillFailed',
    ]);
    expect(JSON.parse(first)).toMatchObject({ moduleId: 'booking', executions: [{ status: 'Success' }] });
    expect(JSON.parse(firstUnmoduled)).toMatchObject({ moduleId: null, milestoneId: 'mvp-core', executions: [{ executionId: 'exec:sprint-1#5:qa', status: 'Failed', scopeViolations: [{ rule: 'other-sprint' }] }] });
  });

  it('never holds up or loses an event when it cannot be written: a warning, and the log has the execution', async () => {
    const { execute, types, warnings, workspace, metadata } = await bench(reporting([{ type: 'ArtifactProduced', featureId: 'BookingFlow', data: { path: 'src/a.cs' } }]));
    await writeFile(join(workspace, 'metadata'), 'a file where the folder should be');
    await execute();
    expect(await types()).toEqual(['AgentExecutionStarted', 'ArtifactProduced', 'AgentExecutionCompleted']);
    await expect(metadata()).rejects.toThrow(/ENOTDIR/);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^could not write .*metadata\/booking\/execution-metadata\.json: .*\(the event log keeps these executions\)$/);
  });
});

describe('a scope violation in a running sprint', () => {
  it('fails the execution: the sprint waits for a retry saying why, and the record lands in the sprint\'s module file', async () => {
    const { workspace, store } = await bench(reporting([{ type: 'SprintTestPlanReady', data: { sprintId: 'sprint-2' } }]));
    const config = await instantAgentsConfig();
    const clock = { now: () => '2026-11-23T10:00:00.000Z' };
    const milestone: Milestone = {
      id: 'mvp-core', requiredFeatures: [], requiredArtifacts: [], gates: [], allowsDeferred: false, onDeferEmit: 'FeatureDeferred', parallelStreams: [], triggers: [], labels: [], extra: {},
    };
    const sprint: Sprint = {
      id: 'sprint-1', milestone: 'mvp-core', module: 'booking', features: ['BookingFlow'], agents: [], gates: [], approvalRequired: false, concurrencyPolicy: 'shared', labels: [], extra: {},
    };
    await recordPlan(store, { machines: [config.sprintMachine.definition, config.milestoneMachine.definition], milestones: [milestone], features: [], sprints: [sprint] }, clock);
    // QA is the command agent reporting for another sprint; the other roles answer at once.
    const runner: AgentRunner = { run: (request, context) => (request.role === 'qa' ? commandRunner.run(request, context) : Promise.resolve(instantOutcome(request))) };
    await new Orchestrator({ store, config, runner, workspace, clock }).runUntilIdle();
    await executionMetadataWriter.flush();
    const events = await store.readAll({ limit: 1000 });
    expect(events.map((event) => event.type)).not.toContain('SprintTestPlanReady');
    const state = JSON.parse(await readFile(sprintStatePath(workspace, 'sprint-1'), 'utf8')) as { state: string; waitingFor: string[] };
    expect(state.state).toBe('ValidatingScope');
    expect(state.waitingFor.join('\n')).toContain('scope violation: report 1 (SprintTestPlanReady) names sprint sprint-2; the execution runs in sprint sprint-1');
    const file = JSON.parse(await readFile(join(workspace, 'metadata', 'booking', 'execution-metadata.json'), 'utf8')) as { executions: Record<string, unknown>[] };
    expect(file.executions).toMatchObject([{ agentId: 'qa', role: 'qa', skillId: 'Work', moduleId: 'booking', status: 'Failed', scopeViolations: [{ rule: 'other-sprint' }] }]);
  });
});
