import { Worker } from 'node:worker_threads';

/** A file to write, whole, with the content it must have. */
export interface FileToWrite {
  path: string;
  content: string;
}

type WriterMessage = { id: number; failed?: { message: string; code?: string } };

interface Pending {
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Writes batches of files atomically (each as `writeFileAtomic` does: a temporary file renamed
 * over the old) on a thread of its own, with plain blocking system calls, in the order given. A
 * batch is one message: the caller's thread spends nothing on the thousands of open, write, close
 * and rename calls of an orchestrator's sprint files, and the libuv pool stays free for the calls
 * the orchestrator waits for. The thread starts with the first batch and does not keep the process
 * alive while nothing is being written.
 */
export class FileWriterThread {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  /** Resolves once every file of `files` is written; rejects with the first failure (files after it are not written). */
  write(files: readonly FileToWrite[]): Promise<void> {
    if (files.length === 0) return Promise.resolve();
    const worker = this.started();
    const id = this.nextId++;
    const written = new Promise<void>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    if (this.pending.size === 1) worker.ref();
    worker.postMessage({ id, files });
    return written;
  }

  private started(): Worker {
    if (this.worker !== undefined) return this.worker;
    const worker = new Worker(writerSource, { eval: true, workerData: { pid: process.pid } });
    worker.on('message', (message: WriterMessage) => this.settle(message));
    const stopped = (error: Error): void => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, pending] of this.pending) {
        this.pending.delete(id);
        pending.reject(error);
      }
    };
    worker.on('error', stopped);
    worker.on('exit', (code) => stopped(new Error(`the file writer thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle({ id, failed }: WriterMessage): void {
    const pending = this.pending.get(id);
    if (pending === undefined) return;
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker?.unref();
    if (failed === undefined) pending.resolve();
    else pending.reject(Object.assign(new Error(failed.message), failed.code === undefined ? {} : { code: failed.code }));
  }
}

/**
 * Spreads batches of files over a few `FileWriterThread`s, each path always to the same thread (so
 * two writes of one file keep their order). Creating a file can cost the kernel a millisecond on
 * some file systems (ext4 without a journal after many files were deleted): one thread alone then
 * falls behind where the libuv pool's four would not.
 *
 * @example
 * await fileWriterThreads().write([{ path: 'execution/s1/fsm-state.json', content }]);
 */
export class FileWriterThreads {
  private readonly threads: FileWriterThread[];

  constructor(count = 2) {
    this.threads = Array.from({ length: Math.max(1, count) }, () => new FileWriterThread());
  }

  /** Resolves once every file of `files` is written; rejects with a failure (see `FileWriterThread.write`). */
  async write(files: readonly FileToWrite[]): Promise<void> {
    const shares = this.threads.map((): FileToWrite[] => []);
    for (const file of files) (shares[threadOf(file.path, shares.length)] as FileToWrite[]).push(file);
    await Promise.all(shares.map((share, index) => (this.threads[index] as FileWriterThread).write(share)));
  }
}

/** The thread a path is written on: a hash of its text (FNV-1a), so a path always gets the same one. */
function threadOf(path: string, threads: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < path.length; index++) hash = Math.imul(hash ^ path.charCodeAt(index), 0x01000193);
  return (hash >>> 0) % threads;
}

let shared: FileWriterThreads | undefined;

/** The file writer threads of this process, shared by every orchestrator in it. */
export function fileWriterThreads(): FileWriterThreads {
  return (shared ??= new FileWriterThreads());
}

/**
 * The thread's code, as a CommonJS script (a worker cannot load a TypeScript module, and a script
 * runs the same from the compiled package and from the sources under test). It remembers the
 * folders it made; one removed since (a test's workspace, a cleanup) is made again, once.
 */
const writerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { mkdirSync, renameSync, writeFileSync } = require('node:fs');
const { dirname } = require('node:path');
const madeFolders = new Set();
let counter = 0;
function writeAtomic(path, content) {
  const folder = dirname(path);
  if (!madeFolders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    madeFolders.add(folder);
  }
  const temporary = path + '.' + workerData.pid + '.w' + counter++ + '.tmp';
  try {
    writeFileSync(temporary, content);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    mkdirSync(folder, { recursive: true });
    writeFileSync(temporary, content);
  }
  renameSync(temporary, path);
}
parentPort.on('message', ({ id, files }) => {
  try {
    for (const file of files) writeAtomic(file.path, file.content);
    parentPort.postMessage({ id });
  } catch (error) {
    parentPort.postMessage({ id, failed: { message: String((error && error.message) || error), code: error && error.code } });
  }
});
`;
