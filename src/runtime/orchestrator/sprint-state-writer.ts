import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import type { Board, OrchestratorConfig } from '../../domain/orchestrator/index.js';
import { sprintFiles } from './sprint-files.js';
import { sprintFolder } from './sprint-state-path.js';
import { writeFileAtomic } from './write-file-atomic.js';

/**
 * Keeps the files of `execution/<sprintId>/` current (`fsm-state.json`, and the recovery files of
 * a sprint where something failed: see `sprintFiles`): while the orchestrator is busy, sprints
 * that changed are written at most every `intervalMs`, at most `maxPerFlush` at a time (the
 * longest-waiting first), and only when their content changed; once it goes idle, all of them (so
 * the files always match the board at the checkpoint).
 */
export class SprintStateWriter {
  private readonly written = new Map<string, string>();
  private readonly dirty = new Set<string>();
  /** Sprints whose files this writer has rendered (written, or found current). */
  private readonly rendered = new Set<string>();
  private lastFlush = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly workspace: string,
    private readonly config: OrchestratorConfig,
    private readonly intervalMs = 500,
    private readonly maxPerFlush = 256,
  ) {}

  /** Notes sprints that changed. */
  mark(sprintIds: Iterable<string>): void {
    for (const sprintId of sprintIds) this.dirty.add(sprintId);
  }

  /** Writes the changed sprints, unless the last write was less than `intervalMs` ago. */
  async flushChanged(board: Board): Promise<void> {
    if (performance.now() - this.lastFlush < this.intervalMs) return;
    const sprintIds: string[] = [];
    for (const sprintId of this.dirty) {
      if (sprintIds.length === this.maxPerFlush) break;
      sprintIds.push(sprintId);
    }
    for (const sprintId of sprintIds) this.dirty.delete(sprintId);
    await this.write(board, sprintIds);
  }

  /**
   * Writes every sprint whose files are not known to be current: those that changed since they
   * were last written (every change marks its sprint), and those never written by this writer.
   */
  async flushAll(board: Board): Promise<void> {
    const sprintIds = [...this.dirty];
    for (const sprintId of board.sprints.keys()) if (!this.rendered.has(sprintId)) sprintIds.push(sprintId);
    this.dirty.clear();
    await this.write(board, new Set(sprintIds));
  }

  private async write(board: Board, sprintIds: Iterable<string>): Promise<void> {
    this.lastFlush = performance.now();
    const writes: Promise<void>[] = [];
    for (const sprintId of sprintIds) {
      const sprint = board.sprints.get(sprintId);
      if (sprint === undefined) continue;
      this.rendered.add(sprintId);
      const folder = sprintFolder(this.workspace, sprintId);
      for (const file of sprintFiles(board, sprint, this.config)) {
        const path = join(folder, file.name);
        if (this.written.get(path) === file.content) continue;
        this.written.set(path, file.content);
        writes.push(writeFileAtomic(path, file.content));
      }
    }
    await Promise.all(writes);
  }
}
