import { join } from 'node:path';
import { BackgroundWrite } from './background-write.js';
import { readTextIfAny } from './read-text-if-any.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** The last position the orchestrator handled completely (its intents performed). */
export interface OrchestratorCheckpoint {
  position: number;
  /** Hash of the event at `position`: a checkpoint of another log is not trusted. */
  hash: string;
  /** sha256 of the board snapshot at `position`, written when a run goes idle. */
  boardHash?: string;
}

/** Where a workspace keeps its orchestrator checkpoint. */
export function checkpointPath(workspace: string): string {
  return join(workspace, '.kairos', 'orchestrator.json');
}

/** The saved checkpoint, or undefined when there is none or it is unreadable (then everything is handled again, idempotently). */
export async function readCheckpoint(path: string): Promise<OrchestratorCheckpoint | undefined> {
  const text = await readTextIfAny(path);
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Partial<OrchestratorCheckpoint>;
    if (typeof value.position !== 'number' || !Number.isSafeInteger(value.position) || value.position < 0 || typeof value.hash !== 'string') return undefined;
    return { position: value.position, hash: value.hash, ...(typeof value.boardHash === 'string' ? { boardHash: value.boardHash } : {}) };
  } catch {
    return undefined;
  }
}

export async function writeCheckpoint(path: string, checkpoint: OrchestratorCheckpoint): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(checkpoint, null, 2)}\n`);
}

/**
 * Saves an orchestrator's checkpoints without holding it up: `save` returns at once, one write is
 * under way at a time, and the latest checkpoint given is the next written (each supersedes the
 * ones before it). Every checkpoint is given after its events' intents were performed, so
 * whichever is on disk after a crash is a safe place to resume from; an older one only means more
 * events are handled again, which is idempotent.
 */
export class CheckpointSaver {
  private readonly writes = new BackgroundWrite();
  private next: OrchestratorCheckpoint | undefined;
  /** Is `writeLatest` still going to look at `next`? Cleared in the same step as its last look. */
  private writing = false;

  constructor(
    private readonly path: string,
    /** How a checkpoint is written (tests pace it). */
    private readonly write: (path: string, checkpoint: OrchestratorCheckpoint) => Promise<void> = writeCheckpoint,
  ) {}

  /** The error of a write that failed, until `settled()` gives it back. */
  get failure(): { error: unknown } | undefined {
    return this.writes.failure;
  }

  save(checkpoint: OrchestratorCheckpoint): void {
    this.next = checkpoint;
    if (this.writing) return;
    this.writing = true;
    this.writes.start(() => this.writeLatest());
  }

  /** Resolves once the last checkpoint given is on disk; rejects if a write failed. */
  settled(): Promise<void> {
    return this.writes.settled();
  }

  private async writeLatest(): Promise<void> {
    try {
      for (let checkpoint = this.next; checkpoint !== undefined; checkpoint = this.next) {
        this.next = undefined;
        await this.write(this.path, checkpoint);
      }
    } finally {
      this.writing = false;
    }
  }
}
