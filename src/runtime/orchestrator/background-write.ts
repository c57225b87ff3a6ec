/**
 * One write at a time in the background: the orchestrator hands files over and goes on reacting
 * instead of waiting for the disk. A failed write is kept and given back by `settled()` (and
 * `failure`, which the orchestrator checks between pages), so it stops a run as an awaited write
 * would, one step later.
 *
 * @example
 * if (!writes.busy) writes.start(() => writeFileAtomic(path, content));
 * await writes.settled(); // before reporting idle
 */
export class BackgroundWrite {
  private current: Promise<void> | undefined;
  private failed: { error: unknown } | undefined;

  /** Is a write under way? */
  get busy(): boolean {
    return this.current !== undefined;
  }

  /** The error of a write that failed, until `settled()` gives it back. */
  get failure(): { error: unknown } | undefined {
    return this.failed;
  }

  /** Starts `write` now, or once the write under way has ended: one write at a time. */
  start(write: () => Promise<void>): void {
    const previous = this.current;
    const running = (previous === undefined ? write() : previous.then(write))
      .catch((error: unknown) => {
        this.failed ??= { error };
      })
      .finally(() => {
        if (this.current === running) this.current = undefined;
      });
    this.current = running;
  }

  /** Resolves once no write is under way; rejects with the error of one that failed since the last call. */
  async settled(): Promise<void> {
    while (this.current !== undefined) await this.current;
    const failed = this.failed;
    this.failed = undefined;
    if (failed !== undefined) throw failed.error;
  }
}
