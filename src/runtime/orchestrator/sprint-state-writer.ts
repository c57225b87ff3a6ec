import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { isTerminal } from '../../domain/fsm/index.js';
import { boardMachineOf, type Board, type OrchestratorConfig, type SprintRecord } from '../../domain/orchestrator/index.js';
import { sprintFiles } from './sprint-files.js';
import { sprintFolder } from './sprint-state-path.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** Files written at once. */
const openFiles = 64;

/**
 * Keeps the files of `execution/<sprintId>/` current (`fsm-state.json`, the recovery files of a
 * sprint where something failed, the trace matrix: see `sprintFiles`): while the orchestrator is
 * busy, the state files of sprints that changed are written at most every `intervalMs`, at most
 * `maxPerFlush` at a time (the longest-waiting first), and only when their content changed — with
 * their trace files once they reached a final state (their trace rarely changes after, and the
 * writes overlap the run's work); once it goes idle, every file of every sprint that changed since
 * its trace files were last written (so the files always match the board at the checkpoint).
 */
export class SprintStateWriter {
  private readonly written = new Map<string, string>();
  private readonly dirty = new Set<string>();
  /** Sprints changed since their trace files were last written. */
  private readonly traceStale = new Set<string>();
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
    for (const sprintId of sprintIds) {
      this.dirty.add(sprintId);
      this.traceStale.add(sprintId);
    }
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
    await this.write(board, sprintIds, false);
  }

  /**
   * Writes every sprint whose files are not known to be current: those that changed since they
   * were last written (every change marks its sprint), and those never written by this writer.
   */
  async flushAll(board: Board): Promise<void> {
    const sprintIds = [...this.dirty, ...this.traceStale];
    for (const sprintId of board.sprints.keys()) if (!this.rendered.has(sprintId)) sprintIds.push(sprintId);
    this.dirty.clear();
    this.traceStale.clear();
    await this.write(board, new Set(sprintIds), true);
  }

  private async write(board: Board, sprintIds: Iterable<string>, traceFiles: boolean): Promise<void> {
    this.lastFlush = performance.now();
    const writes: { path: string; content: string }[] = [];
    for (const sprintId of sprintIds) {
      const sprint = board.sprints.get(sprintId);
      if (sprint === undefined) continue;
      const withTrace = traceFiles || this.isFinal(board, sprint);
      if (withTrace) {
        this.rendered.add(sprintId);
        this.traceStale.delete(sprintId);
      }
      const folder = sprintFolder(this.workspace, sprintId);
      for (const file of sprintFiles(board, sprint, this.config, { traceFiles: withTrace })) {
        const path = join(folder, file.name);
        if (this.written.get(path) === file.content) continue;
        this.written.set(path, file.content);
        writes.push({ path, content: file.content });
      }
    }
    // At most `openFiles` writes at once: an idle flush of thousands of sprints must not run out of file handles.
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < writes.length) {
        const write = writes[next++] as { path: string; content: string };
        await writeFileAtomic(write.path, write.content);
      }
    };
    await Promise.all(Array.from({ length: Math.min(openFiles, writes.length) }, worker));
  }

  private isFinal(board: Board, sprint: SprintRecord): boolean {
    const machine = boardMachineOf(board, this.config, sprint.instance);
    return machine !== undefined && isTerminal(machine, sprint.instance);
  }
}
