import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { isTerminal } from '../../domain/fsm/index.js';
import { boardMachineOf, type Board, type OrchestratorConfig } from '../../domain/orchestrator/index.js';
import { BackgroundWrite } from './background-write.js';
import { fileWriterThreads, type FileToWrite } from './file-writer-thread.js';
import { sprintFiles } from './sprint-files.js';
import { sprintFolder } from './sprint-state-path.js';

/** When a busy orchestrator writes a changed sprint's files (see `SprintStateWriter`). */
export interface SprintStateWriterOptions {
  /** Least milliseconds between the starts of two rounds of writes while busy. Default 500. */
  intervalMs?: number;
  /** Most sprints written in one round (the longest-waiting first). Default 1,024. */
  maxPerFlush?: number;
  /** A changed sprint is written once it has not changed for this long (a final state at once). Default `intervalMs`. */
  settleMs?: number;
  /** ... or once it has waited this long since its first unwritten change, changing or not. Default 4 × `intervalMs`. */
  maxLagMs?: number;
  /** Monotonic milliseconds. Default `performance.now`. */
  now?: () => number;
}

/**
 * Keeps the files of `execution/<sprintId>/` current (`fsm-state.json`, the recovery files of a
 * sprint where something failed, the trace matrix: see `sprintFiles`). While the orchestrator is
 * busy, the state files of sprints that changed are written in the background, on the
 * `FileWriterThreads`: a round at a time, at most one round every `intervalMs`, at most
 * `maxPerFlush` sprints a round (the longest-waiting first), and only files whose content changed
 * — with their trace files once they reached a final state (their trace rarely changes after, and
 * the writes overlap the run's work). A sprint passing through states faster than `settleMs` is
 * written in the state it settles in, not in each: every rewrite makes the file system allocate an
 * inode and free one, and on ext4 without a journal each recently freed inode slows every later
 * allocation near it. Once it goes idle, every file of every sprint that changed since its trace
 * files were last written (so the files always match the board at the checkpoint).
 */
export class SprintStateWriter {
  private readonly written = new Map<string, string>();
  /** Sprints changed since their state file was last written: when they first and last changed. */
  private readonly dirty = new Map<string, { first: number; last: number }>();
  /** Sprints changed since their trace files were last written. */
  private readonly traceStale = new Set<string>();
  /** Sprints whose files this writer has rendered (written, or found current). */
  private readonly rendered = new Set<string>();
  private lastFlush = Number.NEGATIVE_INFINITY;
  private readonly round = new BackgroundWrite();
  private readonly options: Required<SprintStateWriterOptions>;

  constructor(
    private readonly workspace: string,
    private readonly config: OrchestratorConfig,
    options: SprintStateWriterOptions = {},
  ) {
    const intervalMs = options.intervalMs ?? 500;
    this.options = {
      intervalMs, maxPerFlush: options.maxPerFlush ?? 1024, settleMs: options.settleMs ?? intervalMs, maxLagMs: options.maxLagMs ?? 4 * intervalMs,
      now: options.now ?? (() => performance.now()),
    };
  }

  /** Notes sprints that changed. */
  mark(sprintIds: Iterable<string>): void {
    const now = this.options.now();
    for (const sprintId of sprintIds) {
      const changed = this.dirty.get(sprintId);
      if (changed === undefined) this.dirty.set(sprintId, { first: now, last: now });
      else changed.last = now;
      this.traceStale.add(sprintId);
    }
  }

  /** The error of a round that failed, until `settled()` or `flushAll()` gives it back. */
  get failure(): { error: unknown } | undefined {
    return this.round.failure;
  }

  /**
   * Starts a round of writes of the changed sprints that are due (settled, waiting too long, or in
   * a final state), unless a round is under way or the last began (or found none due) less than
   * `intervalMs` ago. Does not wait for it: the files' content is taken from `board` now.
   */
  flushChanged(board: Board): void {
    const { intervalMs, maxPerFlush, settleMs, maxLagMs } = this.options;
    const now = this.options.now();
    if (this.round.busy || now - this.lastFlush < intervalMs) return;
    // A look through the changed sprints counts as a round, due or not: one look per interval.
    this.lastFlush = now;
    const sprintIds: string[] = [];
    for (const [sprintId, changed] of this.dirty) {
      if (sprintIds.length === maxPerFlush) break;
      if (now - changed.last >= settleMs || now - changed.first >= maxLagMs || this.isFinal(board, sprintId)) sprintIds.push(sprintId);
    }
    if (sprintIds.length === 0) return;
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
    const sprintIds = [...this.dirty.keys(), ...this.traceStale];
    for (const sprintId of board.sprints.keys()) if (!this.rendered.has(sprintId)) sprintIds.push(sprintId);
    this.dirty.clear();
    this.traceStale.clear();
    await this.write(board, new Set(sprintIds), true);
  }

  /** Renders the files of `sprintIds` now and returns the writing of those that changed. */
  private write(board: Board, sprintIds: Iterable<string>, traceFiles: boolean): Promise<void> {
    this.lastFlush = this.options.now();
    const writes: FileToWrite[] = [];
    for (const sprintId of sprintIds) {
      const sprint = board.sprints.get(sprintId);
      if (sprint === undefined) continue;
      const withTrace = traceFiles || this.isFinal(board, sprintId);
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

  private isFinal(board: Board, sprintId: string): boolean {
    const sprint = board.sprints.get(sprintId);
    if (sprint === undefined) return false;
    const machine = boardMachineOf(board, this.config, sprint.instance);
    return machine !== undefined && isTerminal(machine, sprint.instance);
  }
}
