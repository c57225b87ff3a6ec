import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OrchestratorConfig } from '../../domain/orchestrator/index.js';
import { resolveVersioningSettings, sprintVersionTags, versionPlanOf, versionTagOf, versionTags, type ReleaseManifest } from '../../domain/release/index.js';
import { openEventStore, type EventStore } from '../../store/index.js';
import { instantAgentRunner, instantAgentsConfig, withVersionTags } from '../agents/index.js';
import { sampleExecutionRequest } from '../agents/testing/execution-request.js';
import type { Clock } from '../clock.js';
import { Orchestrator } from '../orchestrator/orchestrator.js';
import { recordPlan } from '../plan/record-plan.js';
import { releaseFolder, releasePaths } from './release-folder.js';
import { ReleaseSealer } from './release-sealer.js';
import { verifyRelease } from './verify-release.js';
import { testMilestone, testSprint } from '../../domain/planning/testing/plan-fixtures.js';

let config: OrchestratorConfig;
const clock: Clock = { now: () => '2026-11-24T10:00:00.000Z' };
const folders: string[] = [];
const stores: EventStore[] = [];
const versioning = resolveVersioningSettings({ service: 'BookingService' }, 'demo');


beforeAll(async () => {
  config = await instantAgentsConfig();
});

afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A workspace whose milestone m1 (sprints s1, s2) completed with instant agents, the files they name written. */
async function completedWorkspace(): Promise<{ workspace: string; store: EventStore; orchestrator: Orchestrator }> {
  const workspace = await mkdtemp(join(tmpdir(), 'kairos-release-'));
  folders.push(workspace);
  const store = await openEventStore(`sqlite:${join(workspace, '.kairos', 'events.db')}`);
  stores.push(store);
  await recordPlan(store, { machines: [config.sprintMachine.definition, config.milestoneMachine.definition], milestones: [testMilestone('m1')], features: [], sprints: [testSprint('s1', 'm1', ['A', 'B']), testSprint('s2', 'm1', ['C'])] }, clock);
  const orchestrator = new Orchestrator({ store, config, runner: instantAgentRunner, workspace, clock, writeSprintStates: false });
  await orchestrator.runUntilIdle();
  await mkdir(join(workspace, 'src'), { recursive: true });
  for (const feature of ['A', 'B', 'C']) await writeFile(join(workspace, 'src', `${feature}.ts`), `export const ${feature} = 1;\n`);
  await mkdir(join(workspace, 'execution', 's1', 'security'), { recursive: true });
  await writeFile(join(workspace, 'execution', 's1', 'security', 'security-audit.json'), '{"status":"Compliant","issues":[]}\n');
  return { workspace, store, orchestrator };
}

async function sealed(workspace: string, store: EventStore, orchestrator: Orchestrator): Promise<{ folder: string; manifest: ReleaseManifest }> {
  const sealer = new ReleaseSealer({ store, workspace, config, versioning });
  await sealer.atIdle(orchestrator.board);
  const folder = releaseFolder(workspace, 'm1');
  expect(sealer.sealed).toEqual([folder]);
  return { folder, manifest: JSON.parse(await readFile(releasePaths(folder).manifest, 'utf8')) as ReleaseManifest };
}

const check = (workspace: string, store: EventStore, folder: string): Promise<string[]> => verifyRelease({ folder, workspace, store, config }).then((result) => result.differences);

describe('sealed releases', () => {
  it('seal a completed milestone once: the manifest with its evidence, signed with a 0600 workspace key', async () => {
    const { workspace, store, orchestrator } = await completedWorkspace();
    const { folder, manifest } = await sealed(workspace, store, orchestrator);
    expect(manifest.milestone).toMatchObject({ id: 'm1', state: 'Completed', versionTag: 'm1-v1', completed: { eventId: expect.any(String) } });
    expect(manifest.sprints.map((entry) => [entry.id, entry.state])).toEqual([['s1', 'Closed'], ['s2', 'Closed']]);
    expect(manifest.traceMatrices.map((matrix) => matrix.sprintId)).toEqual(['s1', 's2']);
    expect(manifest.gates.milestone.map((gate) => [gate.gate, gate.passed])).toEqual([['testsPassed', true]]);
    expect(manifest.gates.sprints['s1']?.[0]).toMatchObject({ written: 'testCoverageAbove90', passed: true, evidence: expect.any(Object) });
    expect(manifest.approvals.governanceMode).toBe('assisted');
    expect(manifest.security.audits).toEqual([
      { sprintId: 's1', path: 'execution/s1/security/security-audit.json', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), audit: { status: 'Compliant', issues: [] } },
      { sprintId: 's2', path: 'execution/s2/security/security-audit.json', sha256: null, audit: null },
    ]);
    expect(manifest.versions.milestone?.tag).toMatch(/^booking-service:1\.0\.0-m1-v1-trace[0-9a-f]+$/);
    expect(manifest.versions.sprints.map((tag) => tag.version)).toEqual(['1.0.1', '1.0.2']);
    expect(manifest.artifacts.map((artifact) => [artifact.path, artifact.agentId, artifact.sha256?.length])).toEqual([
      ['src/A.ts', 'backend-developer', 64],
      ['src/B.ts', 'backend-developer', 64],
      ['src/C.ts', 'backend-developer', 64],
    ]);
    expect(manifest.agents).toEqual([{ agentId: 'backend-developer', skills: [], executions: ['exec:s1#4:backend-developer', 'exec:s2#4:backend-developer'], artifacts: ['src/A.ts', 'src/B.ts', 'src/C.ts'] }]);
    expect(manifest.log.from.position).toBe(1);
    expect(manifest.log.to.position).toBe(orchestrator.board.position);
    expect(manifest.signature.keyId).toMatch(/^ed25519:[0-9a-f]{64}$/);
    expect((await stat(join(workspace, '.kairos', 'release-signing-key.pem'))).mode & 0o777).toBe(0o600);
    expect(await readFile(releasePaths(folder).publicKey, 'utf8')).toContain('BEGIN PUBLIC KEY');
    expect(await check(workspace, store, folder)).toEqual([]);
    // Sealed once: a second sealer leaves it as it is.
    const again = new ReleaseSealer({ store, workspace, config, versioning });
    await again.atIdle(orchestrator.board);
    expect(again.sealed).toEqual([]);
  });

  it('verify-release names a changed artifact', async () => {
    const { workspace, store, orchestrator } = await completedWorkspace();
    const { folder } = await sealed(workspace, store, orchestrator);
    await writeFile(join(workspace, 'src', 'B.ts'), 'export const B = 2;\n');
    const differences = await check(workspace, store, folder);
    expect(differences).toEqual([expect.stringMatching(/^artifacts\[src\/B\.ts\]\.sha256: sealed "[0-9a-f]{64}", now "[0-9a-f]{64}"$/)]);
  });

  it('verify-release names an edited manifest: its signature, and the gate it claims', async () => {
    const { workspace, store, orchestrator } = await completedWorkspace();
    const { folder } = await sealed(workspace, store, orchestrator);
    const path = releasePaths(folder).manifest;
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.replace('"passed":true', '"passed":false'));
    const differences = await check(workspace, store, folder);
    expect(differences[0]).toMatch(/^signature: does not match release-manifest\.json with key ed25519:/);
    expect(differences.slice(1)).toEqual([expect.stringMatching(/^gates\.milestone\[testsPassed\]\.passed: sealed false, now true$/)]);
  });

  it('verify-release reads a manifest that is not one without failing, and says so', async () => {
    const { workspace, store, orchestrator } = await completedWorkspace();
    const { folder } = await sealed(workspace, store, orchestrator);
    await writeFile(releasePaths(folder).manifest, '{"kind":"kairos.release-manifest","milestone":{"id":"m1"}}');
    const differences = await check(workspace, store, folder);
    expect(differences[0]).toMatch(/^manifest: not a Kairos release manifest \(gates: .*\)$/);
    expect(differences.slice(1)).toEqual([expect.stringMatching(/^signature: does not match/)]);
    await writeFile(releasePaths(folder).manifest, 'not json');
    expect((await check(workspace, store, folder))[0]).toMatch(/^manifest: not JSON/);
  });

  it('verify-release names a changed signature, and a release re-signed with another key', async () => {
    const { workspace, store, orchestrator } = await completedWorkspace();
    const { folder } = await sealed(workspace, store, orchestrator);
    const paths = releasePaths(folder);
    const signature = Buffer.from(await readFile(paths.signature, 'utf8'), 'base64');
    signature[0] = (signature[0] ?? 0) ^ 1;
    await writeFile(paths.signature, signature.toString('base64'));
    expect(await check(workspace, store, folder)).toEqual([expect.stringMatching(/^signature: does not match release-manifest\.json/)]);
    // Someone re-signs with their own key, and puts their public key beside the manifest.
    await rm(join(workspace, '.kairos', 'release-signing-key.pem'));
    const other = await mkdtemp(join(tmpdir(), 'kairos-other-key-'));
    folders.push(other);
    const { keyIdOf, publicKeyPem, releaseSigningKey, signBytes } = await import('../../integrations/index.js');
    const key = await releaseSigningKey(other);
    const text = await readFile(paths.manifest, 'utf8');
    await writeFile(paths.signature, signBytes(key, Buffer.from(text)));
    await writeFile(paths.publicKey, publicKeyPem(key));
    expect(await check(workspace, store, folder)).toEqual([`signature: the manifest names key ${JSON.parse(text).signature.keyId as string}, but release-manifest.pub.pem is ${keyIdOf(publicKeyPem(key))}`]);
  });

  it('verify-release names an edited log: the broken chain, and the gate results its replay gives', async () => {
    const { workspace, store, orchestrator } = await completedWorkspace();
    const { folder } = await sealed(workspace, store, orchestrator);
    const db = new Database(join(workspace, '.kairos', 'events.db'));
    try {
      const row = db.prepare("SELECT position, envelope FROM events WHERE type = 'CoverageReported' ORDER BY position LIMIT 1").get() as { position: number; envelope: string };
      db.prepare('UPDATE events SET envelope = ? WHERE position = ?').run(row.envelope.replace('"coverage":100', '"coverage":42'), row.position);
    } finally {
      db.close();
    }
    const differences = await check(workspace, store, folder);
    expect(differences[0]).toMatch(/^log: event at position \d+ \(.+\) does not match its hash chain/);
    expect(differences).toContainEqual(expect.stringMatching(/^gates\.sprints\.s\d\[testCoverageAbove\]\.passed: sealed true, now false$/));
    expect(differences).toContainEqual(expect.stringMatching(/^traceMatrices\[s\d\]\.features\[\w\]\.coverage: sealed "100%", now "42%"$/));
  });

  it('gives each sprint the same version tags alone (for an agent\'s context) as in the whole list', async () => {
    const { orchestrator } = await completedWorkspace();
    const all = versionTags(versionPlanOf(orchestrator.board), versioning);
    for (const sprintId of ['s1', 's2']) {
      expect(sprintVersionTags(orchestrator.board, sprintId, versioning)).toEqual({ sprint: versionTagOf(all, 'sprint', sprintId), milestone: versionTagOf(all, 'milestone', 'm1') });
    }
    expect(sprintVersionTags(orchestrator.board, 'nope', versioning)).toEqual({});
    // The runner wrapper puts them in each execution's context.
    const seen: unknown[] = [];
    const runner = withVersionTags({ run: (_request, context) => Promise.resolve((seen.push(context.versionTags), { status: 'completed', reports: [] })) }, () => orchestrator.board, versioning);
    await runner.run({ ...sampleExecutionRequest(), sprintId: 's2' }, { workspace: '.', signal: new AbortController().signal });
    expect(seen).toEqual([{ versionTag: versionTagOf(all, 'sprint', 's2')?.tag, milestoneVersionTag: versionTagOf(all, 'milestone', 'm1')?.tag }]);
  });
});
