/** What a batch writer says about one request of the batch. */
export type BatchOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Writes a batch of requests in as few transactions as it likes and returns one outcome per request,
 * in order, only once they are durable. Throwing fails every request of the batch.
 */
export type BatchWriter<R, T> = (batch: readonly R[]) => readonly BatchOutcome<T>[] | Promise<readonly BatchOutcome<T>[]>;

export interface AppendBatcherOptions {
  /** Most total weight (events) per batch; a single heavier request still goes alone. */
  maxBatchWeight: number;
}

/** Collects requests made in the same turn of the event loop and hands them to a writer in batches. */
export interface AppendBatcher<R, T> {
  /** Queues a request; settles with its outcome once its batch was written. */
  submit(request: R, weight: number): Promise<T>;
  /** Resolves once every request submitted so far is settled. */
  drain(): Promise<void>;
  /** Number of requests waiting for a batch. */
  readonly pending: number;
}

interface Entry<R, T> {
  request: R;
  weight: number;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/**
 * Creates a batcher over `write`. Requests submitted before the next `setImmediate` turn share a
 * batch, so many concurrent callers cost a few transactions instead of one each; one batch is written
 * at a time, in submission order.
 *
 * @example
 * const batcher = createAppendBatcher((batch) => batch.map((n) => ({ ok: true, value: n * 2 })), { maxBatchWeight: 1000 });
 * await Promise.all([batcher.submit(1, 1), batcher.submit(2, 1)]); // one call of the writer
 */
export function createAppendBatcher<R, T>(write: BatchWriter<R, T>, options: AppendBatcherOptions): AppendBatcher<R, T> {
  const queue: Entry<R, T>[] = [];
  let head = 0;
  let scheduled = false;
  let writing = false;
  let idle: (() => void)[] = [];

  const takeBatch = (): Entry<R, T>[] => {
    let weight = 0;
    let end = head;
    while (end < queue.length) {
      const next = (queue[end] as Entry<R, T>).weight;
      if (end > head && weight + next > options.maxBatchWeight) break;
      weight += next;
      end++;
    }
    const batch = queue.slice(head, end);
    head = end;
    if (head === queue.length) {
      queue.length = 0;
      head = 0;
    }
    return batch;
  };

  const flush = async (): Promise<void> => {
    scheduled = false;
    writing = true;
    try {
      while (head < queue.length) {
        const batch = takeBatch();
        let outcomes: readonly BatchOutcome<T>[];
        try {
          outcomes = await write(batch.map((entry) => entry.request));
        } catch (error) {
          for (const entry of batch) entry.reject(error);
          continue;
        }
        batch.forEach((entry, index) => {
          const outcome = outcomes[index];
          if (outcome === undefined) entry.reject(new Error('the batch writer returned no outcome for this request'));
          else if (outcome.ok) entry.resolve(outcome.value);
          else entry.reject(outcome.error);
        });
      }
    } finally {
      writing = false;
      const waiting = idle;
      idle = [];
      for (const wake of waiting) wake();
    }
  };

  return {
    submit(request, weight) {
      return new Promise<T>((resolve, reject) => {
        queue.push({ request, weight, resolve, reject });
        if (!scheduled && !writing) {
          scheduled = true;
          setImmediate(() => void flush());
        }
      });
    },
    drain() {
      if (!scheduled && !writing && head === queue.length) return Promise.resolve();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
    get pending() {
      return queue.length - head;
    },
  };
}
