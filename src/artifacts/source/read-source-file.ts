import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Diagnostic } from '../../domain/errors/index.js';
import { decodeSource, planningFileWording, type DecodeResult, type FileWording } from './decode-source.js';
import { formatBytes } from './format-bytes.js';
import type { SourceLimits } from './source-limits.js';

/**
 * Reads a planning file as text. The size is checked before reading (and the read is capped, in
 * case the file grows meanwhile); anything but a regular file is refused, and the file is opened
 * non-blocking, so a FIFO or a device can neither hang nor flood the reader. `wording` names the
 * kind of file in refusals (planning files by default).
 */
export async function readSourceFile(path: string, limits: Pick<SourceLimits, 'maxBytes'>, wording: FileWording = planningFileWording): Promise<DecodeResult> {
  try {
    const refusal = describeUnreadable(await stat(path), limits, wording);
    if (refusal !== undefined) return refuse(path, refusal);
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const opened = describeUnreadable(await handle.stat(), limits, wording);
      if (opened !== undefined) return refuse(path, opened);
      const buffer = new Uint8Array(limits.maxBytes + 1);
      let length = 0;
      while (length < buffer.length) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      return decodeSource(buffer.subarray(0, length), path, limits, wording);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return refuse(path, describeReadError(error));
  }
}

function describeUnreadable(stats: { isFile(): boolean; isDirectory(): boolean; size: number }, limits: Pick<SourceLimits, 'maxBytes'>, wording: FileWording): string | undefined {
  if (stats.isDirectory()) return `is a folder, not a ${wording.file}`;
  if (!stats.isFile()) return 'not a regular file';
  if (stats.size > limits.maxBytes) {
    return `file is ${stats.size} bytes, over the ${formatBytes(limits.maxBytes)} limit for ${wording.limitOf}`;
  }
  return undefined;
}

function describeReadError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot read file: ${error instanceof Error ? error.message : String(error)}`;
}

function refuse(file: string, message: string): DecodeResult {
  const diagnostic: Diagnostic = { severity: 'error', file, line: 1, column: 1, message, path: '' };
  return { ok: false, diagnostic };
}
