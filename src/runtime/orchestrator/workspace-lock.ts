import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { RefusedError } from '../../domain/errors/index.js';

/** A held lock; release it when done (a killed process leaves it behind, and the next one takes it over). */
export interface WorkspaceLock {
  release(): Promise<void>;
}

/**
 * Makes sure one orchestrator at a time drives a workspace: `.kairos/orchestrator.lock` holds the
 * pid of the process that drives it. A lock whose process is gone is taken over.
 *
 * @throws RefusedError when a live process holds it.
 */
export async function lockWorkspace(workspace: string): Promise<WorkspaceLock> {
  const path = join(workspace, '.kairos', 'orchestrator.lock');
  await mkdir(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return { release: () => unlink(path).catch(() => undefined) };
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      if (Number.isSafeInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new RefusedError(`another kairos process (pid ${holder}) is running this workspace's orchestrator; wait for it to finish or stop it`);
      }
      await unlink(path).catch(() => undefined);
    }
  }
  throw new RefusedError(`could not take the orchestrator lock ${path}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}
