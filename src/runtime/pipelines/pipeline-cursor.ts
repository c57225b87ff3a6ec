import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../orchestrator/write-file-atomic.js';

/** How far the pipeline dispatcher has looked into the log, and for which pipelines. */
export interface PipelineCursor {
  position: number;
  /** The pipelines configured then, sorted: one not listed was added later and starts from now. */
  pipelines: string[];
}

/** `.kairos/pipelines.json`. */
export const pipelineCursorPath = (workspace: string): string => join(workspace, '.kairos', 'pipelines.json');

/** The saved cursor; undefined when there is none (or it is unreadable: the log is looked at from the start, and recorded runs are not run again). */
export async function readPipelineCursor(path: string): Promise<PipelineCursor | undefined> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as Partial<PipelineCursor>;
    if (typeof value.position !== 'number' || !Array.isArray(value.pipelines)) return undefined;
    return { position: value.position, pipelines: value.pipelines.filter((name): name is string => typeof name === 'string') };
  } catch {
    return undefined;
  }
}

/** Saves the cursor atomically. */
export async function writePipelineCursor(path: string, cursor: PipelineCursor): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(cursor)}\n`);
}
