import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { JsonObject } from '../../domain/events/index.js';
import { emptyBoard, type OrchestratorConfig } from '../../domain/orchestrator/index.js';
import { releaseManifest, resolveVersioningSettings, valueDifferences, type ReleaseManifest } from '../../domain/release/index.js';
import { keyIdOf, publicKeyPem, releaseSigningKey, signingKeyPath, verifyBytes } from '../../integrations/index.js';
import { verifyChain, type EventStore } from '../../store/index.js';
import { foldLog } from '../orchestrator/orchestrator.js';
import { hashReleaseArtifacts, readLogEvidence, readSecurityAudits } from './release-evidence.js';
import { releasePaths } from './release-folder.js';

/** What `verifyRelease` found: each difference a line naming what and where. */
export interface ReleaseVerification {
  milestoneId?: string;
  keyId?: string;
  /** The log position the manifest covers up to. */
  position?: number;
  artifacts: number;
  gates: number;
  differences: string[];
}

/** What checking a release needs. */
export interface VerifyReleaseOptions {
  /** The release folder (`releases/<milestoneId>`). */
  folder: string;
  workspace: string;
  store: EventStore;
  config: OrchestratorConfig;
}

/** The manifest members rebuilt from the log and the files, compared one by one (`signature` only says which key). */
const comparedMembers = ['milestone', 'sprints', 'gates', 'traceMatrices', 'approvals', 'security', 'versions', 'agents', 'artifacts', 'log'] as const;

/**
 * Checks a sealed release: the signature over the manifest's bytes with the public key beside it
 * (and that key is the one the manifest names, and this workspace's own when the workspace has
 * one); that the log still holds the events it covers and its hash chain is intact up to there;
 * then replays the log to that position and hashes the files again, rebuilds the manifest, and
 * names every member that differs: gate results, artifacts' hashes, trace matrices, approvals…
 * Never throws for what the files or the log hold.
 */
export async function verifyRelease(options: VerifyReleaseOptions): Promise<ReleaseVerification> {
  const paths = releasePaths(options.folder);
  const result: ReleaseVerification = { artifacts: 0, gates: 0, differences: [] };
  const differences = result.differences;
  const [manifestText, signature, publicPem] = await Promise.all([readText(paths.manifest), readText(paths.signature), readText(paths.publicKey)]);
  if (manifestText === undefined) {
    differences.push(`${paths.manifest}: missing`);
    return result;
  }
  const manifest = parseManifest(manifestText, differences);
  if (signature === undefined) differences.push(`signature: ${paths.signature} is missing`);
  if (publicPem === undefined) differences.push(`signature: ${paths.publicKey} is missing`);
  if (signature !== undefined && publicPem !== undefined) checkSignature(manifestText, signature, publicPem, manifest, differences, result);
  if (publicPem !== undefined) await checkWorkspaceKey(options.workspace, publicPem, differences);
  if (manifest === undefined) return result;
  result.milestoneId = manifest.milestone.id;
  result.position = manifest.log.to.position;
  result.artifacts = manifest.artifacts.length;
  result.gates = manifest.gates.milestone.length + Object.values(manifest.gates.sprints).reduce((sum, gates) => sum + gates.length, 0);
  if (!(await checkLog(options.store, manifest, differences))) return result;
  const rebuilt = await rebuild(options, manifest);
  if (typeof rebuilt === 'string') {
    differences.push(rebuilt);
    return result;
  }
  const sealed = manifest as unknown as JsonObject;
  const now = rebuilt as unknown as JsonObject;
  for (const member of comparedMembers) differences.push(...valueDifferences(sealed[member], now[member], member));
  return result;
}

/** What a manifest must hold for the check to read it (the rest is compared member by member). */
const manifestShape = z.looseObject({
  kind: z.literal('kairos.release-manifest'),
  milestone: z.looseObject({ id: z.string() }),
  gates: z.looseObject({ milestone: z.array(z.unknown()), sprints: z.record(z.string(), z.array(z.unknown())) }),
  approvals: z.looseObject({ governanceMode: z.string() }),
  versions: z.looseObject({ settings: z.looseObject({ service: z.string() }) }),
  artifacts: z.array(z.unknown()),
  log: z.looseObject({ from: z.looseObject({ position: z.number().int().positive() }), to: z.looseObject({ position: z.number().int().positive() }) }),
  signature: z.looseObject({ keyId: z.string() }),
});

function parseManifest(text: string, differences: string[]): ReleaseManifest | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    differences.push(`manifest: not JSON (${error instanceof Error ? error.message : String(error)})`);
    return undefined;
  }
  const parsed = manifestShape.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(whole)'}: ${issue.message}`).join('; ');
    differences.push(`manifest: not a Kairos release manifest (${problems})`);
    return undefined;
  }
  return value as ReleaseManifest;
}

function checkSignature(manifestText: string, signature: string, publicPem: string, manifest: ReleaseManifest | undefined, differences: string[], result: ReleaseVerification): void {
  let keyId: string | undefined;
  try {
    keyId = keyIdOf(publicPem);
    result.keyId = keyId;
  } catch {
    differences.push('signature: release-manifest.pub.pem is not a public key');
    return;
  }
  if (!verifyBytes(publicPem, Buffer.from(manifestText, 'utf8'), signature)) {
    differences.push(`signature: does not match release-manifest.json with key ${keyId} (the manifest or its signature was changed)`);
  }
  if (manifest !== undefined && manifest.signature.keyId !== keyId) {
    differences.push(`signature: the manifest names key ${manifest.signature.keyId}, but release-manifest.pub.pem is ${keyId}`);
  }
}

/** When the workspace keeps a signing key, the release must be signed with it (else anyone could re-sign a changed manifest). */
async function checkWorkspaceKey(workspace: string, publicPem: string, differences: string[]): Promise<void> {
  if ((await readText(signingKeyPath(workspace))) === undefined) return;
  try {
    const own = keyIdOf(publicKeyPem(await releaseSigningKey(workspace)));
    const given = keyIdOf(publicPem);
    if (own !== given) differences.push(`signature: signed with key ${given}, not this workspace's release key ${own}`);
  } catch {
    // A malformed public key was reported by the signature check.
  }
}

/** The log still holds the covered events with the sealed hashes, and its chain is intact up to there. */
async function checkLog(store: EventStore, manifest: ReleaseManifest, differences: string[]): Promise<boolean> {
  let replayable = true;
  for (const [end, point] of [['from', manifest.log.from], ['to', manifest.log.to]] as const) {
    const [event] = await store.readAll({ fromPosition: point.position, limit: 1 });
    if (event?.position !== point.position) {
      differences.push(`log.${end}: the log has no event at position ${point.position}`);
      replayable = false;
    } else if (event.eventId !== point.eventId || event.hash !== point.hash) differences.push(`log.${end}: position ${point.position} holds ${event.eventId} (${event.hash}), the manifest sealed ${point.eventId} (${point.hash})`);
  }
  const chain = await verifyChain({ head: async () => {
    const [event] = await store.readAll({ fromPosition: manifest.log.to.position, limit: 1 });
    return { position: manifest.log.to.position, hash: event?.hash ?? '' };
  }, readAll: (options) => store.readAll(options) });
  if (!chain.ok) differences.push(`log: event at position ${chain.position}${chain.eventId === null ? '' : ` (${chain.eventId})`} does not match its hash chain: ${chain.reason}`);
  // A log without the covered events cannot be replayed to them; a changed one still can, and the replay names what changed.
  return replayable;
}

/** The manifest as the log (replayed to the sealed position) and the files make it now. */
async function rebuild(options: VerifyReleaseOptions, manifest: ReleaseManifest): Promise<ReleaseManifest | string> {
  const position = manifest.log.to.position;
  const board = await foldLog(options.store, emptyBoard(), options.config, position);
  const milestoneId = manifest.milestone.id;
  if (!board.milestones.has(milestoneId)) return `milestone: the log replayed to position ${position} knows no milestone ${milestoneId}`;
  const log = await readLogEvidence(options.store, position);
  if (log === undefined) return 'log: empty';
  let versioning;
  try {
    const written = manifest.versions.settings;
    versioning = resolveVersioningSettings(written, written.service);
  } catch (error) {
    return `versions.settings: ${error instanceof Error ? error.message : String(error)}`;
  }
  const completed = log.completed.get(milestoneId);
  return releaseManifest(board, milestoneId, {
    config: options.config,
    versioning,
    governanceMode: manifest.approvals.governanceMode,
    decisions: log.decisions,
    hashes: await hashReleaseArtifacts(options.workspace, board, milestoneId),
    securityAudits: await readSecurityAudits(options.workspace, board, milestoneId),
    ...(completed === undefined ? {} : { completed }),
    log: { from: log.from, to: log.to },
    keyId: manifest.signature.keyId,
  });
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

