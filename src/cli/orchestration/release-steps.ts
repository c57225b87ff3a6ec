import { isAbsolute, relative } from 'node:path';
import { loadReleaseSettings } from '../../artifacts/index.js';
import type { Board } from '../../domain/orchestrator/index.js';
import type { VersioningSettings } from '../../domain/release/index.js';
import { systemClock } from '../../runtime/index.js';
import { PipelineDispatcher } from '../../runtime/pipelines/index.js';
import { ReleaseSealer } from '../../runtime/releases/index.js';
import type { CliContext } from '../cli-context.js';
import type { Session } from './open-session.js';

/**
 * The orchestrator's idle steps for CI/CD: run the pipelines the events call for, then, once
 * nothing else appended, seal the releases of completed milestones; says what it did. With the
 * workspace's versioning settings, for the agents' execution context.
 */
export async function releaseSteps(context: CliContext, session: Session, signal?: AbortSignal): Promise<{ versioning: VersioningSettings; atIdle: (board: Board, appendedBefore: number) => Promise<number> }> {
  const settings = await loadReleaseSettings(context.workspace);
  const pipelines = new PipelineDispatcher({ store: session.store, workspace: context.workspace, settings, clock: systemClock, ...(signal === undefined ? {} : { signal }) });
  const sealer = new ReleaseSealer({ store: session.store, workspace: context.workspace, config: session.config, versioning: settings.versioning });
  const atIdle = async (board: Board, appendedBefore: number): Promise<number> => {
    const before = pipelines.performed.length;
    const appended = await pipelines.atIdle(board);
    for (const run of pipelines.performed.slice(before)) {
      context.stdout(run.ok ? `pipeline ${run.pipeline} triggered in ${run.durationMs} ms (${run.idempotencyKey})` : `pipeline ${run.pipeline} failed: ${String(run.reason)} (${run.idempotencyKey})`);
    }
    if (appended + appendedBefore > 0) return appended;
    const sealedBefore = sealer.sealed.length;
    await sealer.atIdle(board);
    for (const folder of sealer.sealed.slice(sealedBefore)) context.stdout(`sealed ${relative(context.workspace, folder)}/release-manifest.json (signed; check it: kairos verify-release ${shown(folder)})`);
    return 0;
  };
  return { versioning: settings.versioning, atIdle };
}

/** A folder as the user can type it from here: relative when below the current directory, else absolute. */
function shown(folder: string): string {
  const path = relative(process.cwd(), folder);
  return path === '' || path.startsWith('..') || isAbsolute(path) ? folder : path;
}
