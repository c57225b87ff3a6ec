import { describe, expect, it } from 'vitest';
import { createAppendBatcher, type BatchOutcome } from './append-batcher.js';

/** A writer that records each batch it was given and doubles numbers; odd numbers above 100 fail. */
function recordingWriter() {
  const batches: number[][] = [];
  const write = (batch: readonly number[]): BatchOutcome<number>[] => {
    batches.push([...batch]);
    return batch.map((n) => (n > 100 && n % 2 === 1 ? { ok: false, error: new Error(`odd ${n}`) } : { ok: true, value: n * 2 }));
  };
  return { batches, write };
}

describe('createAppendBatcher', () => {
  it('writes calls made in the same turn as one batch, in order', async () => {
    const { batches, write } = recordingWriter();
    const batcher = createAppendBatcher(write, { maxBatchWeight: 1000 });
    const results = await Promise.all([1, 2, 3, 4].map((n) => batcher.submit(n, 1)));
    expect(results).toEqual([2, 4, 6, 8]);
    expect(batches).toEqual([[1, 2, 3, 4]]);
  });

  it('fails only the request whose outcome failed', async () => {
    const { write } = recordingWriter();
    const batcher = createAppendBatcher(write, { maxBatchWeight: 1000 });
    const settled = await Promise.allSettled([2, 101, 4].map((n) => batcher.submit(n, 1)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toEqual(new Error('odd 101'));
  });

  it('splits a queue heavier than maxBatchWeight, and sends an overweight request alone', async () => {
    const { batches, write } = recordingWriter();
    const batcher = createAppendBatcher(write, { maxBatchWeight: 10 });
    await Promise.all([batcher.submit(1, 4), batcher.submit(2, 4), batcher.submit(3, 4), batcher.submit(4, 25), batcher.submit(5, 1)]);
    expect(batches).toEqual([[1, 2], [3], [4], [5]]);
  });

  it('settles nothing before the writer returned, and rejects the whole batch when it throws', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    const batcher = createAppendBatcher<number, number>(async (batch) => {
      calls++;
      await gate;
      if (batch.includes(13)) throw new Error('disk full');
      return batch.map((n) => ({ ok: true, value: n }));
    }, { maxBatchWeight: 1000 });
    let settled = false;
    const first = batcher.submit(13, 1).finally(() => (settled = true));
    const outcome = first.catch((error: unknown) => error);
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toBe(1);
    expect(settled).toBe(false);
    // Submitted while the first batch is being written: goes in the next batch.
    const second = batcher.submit(7, 1);
    release();
    expect(await outcome).toEqual(new Error('disk full'));
    expect(await second).toBe(7);
    expect(calls).toBe(2);
  });

  it('drain waits for every request submitted so far', async () => {
    const { write } = recordingWriter();
    const batcher = createAppendBatcher(write, { maxBatchWeight: 1000 });
    const done: number[] = [];
    for (const n of [1, 2, 3]) void batcher.submit(n, 1).then((v) => done.push(v));
    expect(batcher.pending).toBe(3);
    await batcher.drain();
    expect(done).toEqual([2, 4, 6]);
    expect(batcher.pending).toBe(0);
    await batcher.drain();
  });
});
