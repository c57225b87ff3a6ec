import { describe, expect, it } from 'vitest';
import { CheckpointSaver, type OrchestratorCheckpoint } from './orchestrator-checkpoint.js';

/** A write the test finishes by hand, recording what was written. */
function pacedWrites(): { write: (path: string, checkpoint: OrchestratorCheckpoint) => Promise<void>; finish: () => void; written: number[] } {
  const written: number[] = [];
  let finish = (): void => undefined;
  const write = (_path: string, checkpoint: OrchestratorCheckpoint): Promise<void> =>
    new Promise((resolve) => {
      finish = () => {
        finish = () => undefined;
        written.push(checkpoint.position);
        resolve();
      };
    });
  return { write, finish: () => finish(), written };
}

/** Lets every write the saver still has to do start and end, then waits for it to settle. */
async function finishAll(saver: CheckpointSaver, paced: ReturnType<typeof pacedWrites>): Promise<void> {
  const settled = saver.settled();
  for (let round = 0; round < 3; round++) {
    await new Promise((resolve) => setImmediate(resolve));
    paced.finish();
  }
  await settled;
}

describe('CheckpointSaver', () => {
  it('writes the latest checkpoint given, skipping those it superseded', async () => {
    const paced = pacedWrites();
    const saver = new CheckpointSaver('orchestrator.json', paced.write);
    saver.save({ position: 1, hash: 'a' });
    saver.save({ position: 2, hash: 'b' });
    saver.save({ position: 3, hash: 'c' });
    await finishAll(saver, paced);
    expect(paced.written).toEqual([1, 3]);
  });

  it('writes a checkpoint given just as the last write ends', async () => {
    // However many microtasks after the write ends the next checkpoint comes, it is written.
    for (let ticks = 0; ticks < 8; ticks++) {
      const paced = pacedWrites();
      const saver = new CheckpointSaver('orchestrator.json', paced.write);
      saver.save({ position: 1, hash: 'a' });
      paced.finish();
      for (let tick = 0; tick < ticks; tick++) await Promise.resolve();
      saver.save({ position: 2, hash: 'b' });
      await finishAll(saver, paced);
      expect(paced.written, `a checkpoint given ${ticks} microtasks after the write ended`).toEqual([1, 2]);
    }
  });
});
