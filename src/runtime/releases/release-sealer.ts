import { existsSync } from 'node:fs';
import { isTerminal } from '../../domain/fsm/index.js';
import { boardMachineOf, type Board } from '../../domain/orchestrator/index.js';
import { releaseFolder, releasePaths } from './release-folder.js';
import { sealReleases, type SealOptions } from './seal-release.js';

/**
 * Seals each milestone's release once it has completed, as the orchestrator's idle step: every
 * milestone in a final state without `releases/<id>/release-manifest.json` is sealed from the board
 * as it is then (once: a sealed release is never rewritten). A run killed before sealing leaves
 * no manifest, so the next run seals it.
 */
export class ReleaseSealer {
  /** Milestones sealed (or found sealed), so their folders are not looked at again. */
  private readonly done = new Set<string>();
  /** Folders sealed by this sealer, in order. */
  readonly sealed: string[] = [];

  constructor(private readonly options: SealOptions) {}

  /** The idle step: seals what completed and is not sealed; appends nothing (resolves to 0). */
  async atIdle(board: Board): Promise<number> {
    const due: string[] = [];
    for (const milestone of board.milestones.values()) {
      if (this.done.has(milestone.id)) continue;
      const machine = boardMachineOf(board, this.options.config, milestone.instance);
      if (machine === undefined || !isTerminal(machine, milestone.instance)) continue;
      this.done.add(milestone.id);
      if (!existsSync(releasePaths(releaseFolder(this.options.workspace, milestone.id)).manifest)) due.push(milestone.id);
    }
    if (due.length > 0) this.sealed.push(...(await sealReleases(board, due, this.options)));
    return 0;
  }
}
