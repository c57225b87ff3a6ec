import { canonicalJson } from '../../domain/events/index.js';
import type { Board, OrchestratorConfig } from '../../domain/orchestrator/index.js';
import { releaseManifest, type ReleaseManifest, type VersioningSettings } from '../../domain/release/index.js';
import { keyIdOf, publicKeyPem, releaseSigningKey, signBytes } from '../../integrations/index.js';
import type { EventStore } from '../../store/index.js';
import { writeFileAtomic } from '../orchestrator/write-file-atomic.js';
import { hashReleaseArtifacts, readLogEvidence, readSecurityAudits } from './release-evidence.js';
import { releaseFolder, releasePaths } from './release-folder.js';

/** What sealing needs besides the board. */
export interface SealOptions {
  store: EventStore;
  workspace: string;
  config: OrchestratorConfig;
  versioning: VersioningSettings;
}

/** The bytes of a manifest as written and signed: its canonical JSON and a newline. */
export function manifestBytes(manifest: ReleaseManifest): Buffer {
  return Buffer.from(`${canonicalJson(manifest)}\n`, 'utf8');
}

/**
 * Seals the releases of `milestoneIds` from `board` (the log read up to the board's position):
 * writes `releases/<id>/release-manifest.pub.pem`, the detached Ed25519 signature
 * `release-manifest.json.sig`, and last `release-manifest.json` (canonical JSON), each atomically:
 * a crash leaves no manifest, and the next run seals again. Resolves to the folders written.
 */
export async function sealReleases(board: Board, milestoneIds: readonly string[], options: SealOptions): Promise<string[]> {
  const ids = milestoneIds.filter((id) => board.milestones.has(id));
  if (ids.length === 0) return [];
  const log = await readLogEvidence(options.store, board.position);
  if (log === undefined) return [];
  const key = await releaseSigningKey(options.workspace);
  const publicPem = publicKeyPem(key);
  const keyId = keyIdOf(publicPem);
  const written: string[] = [];
  for (const milestoneId of ids) {
    const completed = log.completed.get(milestoneId);
    const manifest = releaseManifest(board, milestoneId, {
      config: options.config,
      versioning: options.versioning,
      governanceMode: options.config.planningMode,
      decisions: log.decisions,
      hashes: await hashReleaseArtifacts(options.workspace, board, milestoneId),
      securityAudits: await readSecurityAudits(options.workspace, board, milestoneId),
      ...(completed === undefined ? {} : { completed }),
      log: { from: log.from, to: log.to },
      keyId,
    });
    const bytes = manifestBytes(manifest);
    const folder = releaseFolder(options.workspace, milestoneId);
    const paths = releasePaths(folder);
    await writeFileAtomic(paths.publicKey, publicPem);
    await writeFileAtomic(paths.signature, `${signBytes(key, bytes)}\n`);
    await writeFileAtomic(paths.manifest, bytes.toString('utf8'));
    written.push(folder);
  }
  return written;
}
