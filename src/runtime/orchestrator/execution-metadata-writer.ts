import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import {
  executionMetadataFile,
  formatExecutionMetadataFile,
  maxExecutionRecordsKept,
  mergeExecutionRecords,
  type ExecutionMetadataFile,
  type ExecutionMetadataOwner,
  type ExecutionMetadataRecord,
} from '../../domain/agents/index.js';
import { readTextIfAny } from './read-text-if-any.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** Where execution records go. */
export interface ExecutionMetadataSink {
  /**
   * Puts `record` in its module's `execution-metadata.json` under `workspace`, soon. Resolves once a
   * write holding it finished, or failed (then with a warning): never rejects. Callers need not
   * wait: the log already has the execution.
   */
  record(workspace: string, owner: ExecutionMetadataOwner, record: ExecutionMetadataRecord): Promise<void>;
  /** Writes what is pending now; resolves when every record given so far is written (or warned about). */
  flush(): Promise<void>;
}

export interface ExecutionMetadataWriterOptions {
  /** Least milliseconds between the starts of two rounds of writes (records arriving meanwhile are written together). Default 500. */
  intervalMs?: number;
  /** Files written at once. Default 32. */
  concurrency?: number;
  /** Records kept per file. Default {@link maxExecutionRecordsKept}. */
  keep?: number;
  /** Told when a file cannot be read back or written. Default: a process warning. */
  onWarning?: (message: string) => void;
}

/** Fills the defaults of {@link ExecutionMetadataWriterOptions}. */
export function resolveExecutionMetadataWriterOptions(options: ExecutionMetadataWriterOptions = {}): Required<ExecutionMetadataWriterOptions> {
  return {
    intervalMs: options.intervalMs ?? 500,
    concurrency: options.concurrency ?? 32,
    keep: options.keep ?? maxExecutionRecordsKept,
    onWarning: options.onWarning ?? ((message) => process.emitWarning(message, 'KairosWarning')),
  };
}

/** Records waiting for their file's next write. */
interface PendingFile {
  workspace: string;
  path: string;
  owner: ExecutionMetadataOwner;
  records: Map<string, ExecutionMetadataRecord>;
  written: Array<() => void>;
}

/** What is read back of an existing file: enough to merge into it (records are Kairos's own, kept as they are). */
const storedFileSchema = z.object({
  executions: z.array(z.object({ executionId: z.string(), logPosition: z.number() }).passthrough()),
}).passthrough();

/**
 * Keeps `metadata/<moduleId>/execution-metadata.json` files current (see `executionMetadataFile`).
 * Records are written in rounds, in the background: a round starts at once when the last one
 * started `intervalMs` ago or more, else when that much time has passed; every record that arrived
 * meanwhile goes in it, one write per file (read back, merged, written atomically, skipped when
 * the bytes would not change). So a busy orchestrator rewrites each file a couple of times a second
 * at most, whatever the number of executions, and `flush()` writes the rest at once.
 */
export class ExecutionMetadataWriter implements ExecutionMetadataSink {
  private readonly options: Required<ExecutionMetadataWriterOptions>;
  private pending = new Map<string, PendingFile>();
  private current: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastRound = Number.NEGATIVE_INFINITY;

  constructor(options: ExecutionMetadataWriterOptions = {}) {
    this.options = resolveExecutionMetadataWriterOptions(options);
  }

  record(workspace: string, owner: ExecutionMetadataOwner, record: ExecutionMetadataRecord): Promise<void> {
    const path = join(workspace, executionMetadataFile(owner));
    let file = this.pending.get(path);
    if (file === undefined) {
      file = { workspace, path, owner, records: new Map(), written: [] };
      this.pending.set(path, file);
    }
    file.records.set(record.executionId, record);
    const written = new Promise<void>((resolve) => (file as PendingFile).written.push(resolve));
    this.schedule();
    return written;
  }

  async flush(): Promise<void> {
    for (;;) {
      if (this.current !== undefined) {
        await this.current;
        continue;
      }
      if (this.pending.size === 0) return;
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = undefined;
      this.start();
    }
  }

  private schedule(): void {
    if (this.current !== undefined || this.timer !== undefined || this.pending.size === 0) return;
    const wait = this.lastRound + this.options.intervalMs - performance.now();
    if (wait <= 0) {
      this.start();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.start();
    }, wait);
  }

  private start(): void {
    this.current = this.round().finally(() => {
      this.current = undefined;
      this.schedule();
    });
  }

  /** Writes every file with pending records, `concurrency` at a time. Never rejects. */
  private async round(): Promise<void> {
    this.lastRound = performance.now();
    const files = [...this.pending.values()];
    this.pending = new Map();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < files.length) {
        const file = files[next++] as PendingFile;
        await this.write(file);
        for (const resolve of file.written) resolve();
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, files.length) }, worker));
  }

  /** Merges a file's pending records into it. Never throws: the log has them, the file is a view. */
  private async write(file: PendingFile): Promise<void> {
    try {
      // A workspace removed meanwhile (a finished test's, a cleaned-up run's) is not made again.
      if (!(await isFolder(file.workspace))) return;
      const before = await this.readBack(file.path);
      const merged = mergeExecutionRecords(before?.file, file.owner, [...file.records.values()], this.options.keep);
      const content = formatExecutionMetadataFile(merged);
      if (content !== before?.text) await writeFileAtomic(file.path, content);
    } catch (error) {
      this.options.onWarning(`could not write ${file.path}: ${error instanceof Error ? error.message : String(error)} (the event log keeps these executions)`);
    }
  }

  /** The file as it is, if it exists; one that is not a file of records is replaced, with a warning. */
  private async readBack(path: string): Promise<{ text: string; file?: ExecutionMetadataFile } | undefined> {
    const text = await readTextIfAny(path);
    if (text === undefined) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const stored = storedFileSchema.safeParse(parsed);
    if (!stored.success) {
      this.options.onWarning(`${path} is not a file of execution records; it is rewritten from the executions recorded from now on`);
      return { text };
    }
    return { text, file: stored.data as unknown as ExecutionMetadataFile };
  }
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then((found) => found.isDirectory(), () => false);
}

/** The writer every orchestrator of this process shares (one write round for all workspaces). */
export const executionMetadataWriter: ExecutionMetadataWriter = new ExecutionMetadataWriter();
