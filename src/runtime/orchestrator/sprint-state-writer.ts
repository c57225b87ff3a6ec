import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { isTerminal } from '../../domain/fsm/index.js';
import { boardMachineOf, type Board, type OrchestratorConfig, type SprintRecord } from '../../domain/orchestrator/index.js';
import { BackgroundWrite } from './background-write.js';
import { fileWriterThreads, type FileToWrite } from './file-writer-thread.js';
import { sprintFiles } from './sprint-files.js';
import { sprintFolder } from './sprint-state-path.js';

/**
 * Keeps the files of `execution/<sprintId>/` current (`fsm-state.json`, the recovery files of a
 * sprint where something failed, the trace matrix: see `sprintFiles`). While the orchestrator is
 * busy, the state files of sprints that changed are written in the background, on the
 * `FileWriterThreads`: a round at a time, at most one round every `intervalMs`, at most
 * `maxPerFlush` sprints a round (the longest-waiting first), and only files whose content changed
 * — with their trace files once they reached a final state (their trace rarely changes after, and
 * the writes overlap the run's work). Once it goes idle, every file of every sprint that changed
 * since its trace files were last written (so the files always match the board at the checkpoint).
 */
export class SprintStateWriter {
  private readonly written = new Map<string, string>();
  private readonly dirty = new Set<string>();
  /** Sprints changed since their trace files were last written. */
  private readonly traceStale = new Set<string>();
  /** Sprints whose files this writer has rendered (written, or found current). */
  private readonly rendered = new Set<string>();
  private lastFlush = Number.NEGATIVE_INFINITY;
  private readonly round = new BackgroundWrite();

  constructor(
    private readonly workspace: string,
    private readonly config: OrchestratorConfig,
    private readonly intervalMs = 500,
    private readonly maxPerFlush = 1024,
  ) {}

  /** Notes sprints that changed. */
  mark(sprintIds: Iterable<string>): void {
    for (const sprintId of sprintIds) {
      this.dirty.add(sprintId);
      this.traceStale.add(sprintId);
    }
  }

  /** The error of a round that failed, until `settled()` or `flushAll()` gives it back. */
  get failure(): { error: unknown } | undefined {
    return this.round.failure;
  }

  /**
   * Starts a round of writes of the changed sprints, unless one is under way or the last began
   * less than `intervalMs` ago. Does not wait for it: the files' content is taken from `board` now.
   */
  flushChanged(board: Board): void {
    if (this.round.busy || performance.now() - this.lastFlush < this.intervalMs) return;
    const sprintIds: string[] = [];
    for (const sprintId of this.dirty) {
      if (sprintIds.length === this.maxPerFlush) break;
      sprintIds.push(sprintId);
    }
    for (const sprintId of sprintIds) this.dirty.delete(sprintId);
    this.round.start(() => this.write(board, sprintIds, false));
  }

  /** Resolves once no round is under way; rejects with the error of one that failed. */
  settled(): Promise<void> {
    return this.round.settled();
  }

  /**
   * Writes every sprint whose files are not known to be current: those that changed since they
   * were last written (every change marks its sprint), and those never written by this writer.
   */
  async flushAll(board: Board): Promise<void> {
    await this.round.settled();
    const sprintIds = [...this.dirty, ...this.traceStale];
    for (const sprintId of board.sprints.keys()) if (!this.rendered.has(sprintId)) sprintIds.push(sprintId);
    this.dirty.clear();
    this.traceStale.clear();
    await this.write(board, new Set(sprintIds), true);
  }

  /** Renders the files of `sprintIds` now and returns the writing of those that changed. */
  private write(board: Board, sprintIds: Iterable<string>, traceFiles: boolean): Promise<void> {
    this.lastFlush = performance.now();
    const writes: FileToWrite[] = [];
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
    return fileWriterThreads().write(writes);
  }

  private isFinal(board: Board, sprint: SprintRecord): boolean {
    const machine = boardMachineOf(board, this.config, sprint.instance);
    return machine !== undefined && isTerminal(machine, sprint.instance);
  }
}
