import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { formatBytes } from '../../artifacts/source/format-bytes.js';
import { ValidationError } from '../../domain/errors/index.js';
import { lineColumnAt } from '../../artifacts/source/line-column-at.js';
import { invalidReport } from './invalid-report.js';
import type { ReportLimits } from './report-limits.js';

/**
 * Reads a report file as UTF-8 text (a byte order mark dropped). The size is checked before
 * reading and the read is capped; anything but a regular file is refused, and the file is opened
 * non-blocking so a FIFO cannot hang the reader. Throws a located `ValidationError`.
 */
export async function readReportFile(path: string, limits: Pick<ReportLimits, 'maxBytes'>): Promise<string> {
  let bytes: Uint8Array;
  try {
    checkStats(path, await stat(path), limits);
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      checkStats(path, await handle.stat(), limits);
      const buffer = new Uint8Array(limits.maxBytes + 1);
      let length = 0;
      while (length < buffer.length) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      if (length > limits.maxBytes) throw invalidReport(path, `file grew past the ${formatBytes(limits.maxBytes)} limit for reports while being read`);
      bytes = buffer.subarray(0, length);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw invalidReport(path, describeReadError(error), undefined, error);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw invalidReport(path, 'binary file (a NUL byte here): expected a text report', endOf(bytes.subarray(0, nul)));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    throw invalidReport(path, 'not valid UTF-8 text (an invalid byte sequence here)', lineColumnAt(lenient, lenient.indexOf('\uFFFD')), error);
  }
}

function checkStats(path: string, stats: { isFile(): boolean; isDirectory(): boolean; size: number }, limits: Pick<ReportLimits, 'maxBytes'>): void {
  if (stats.isDirectory()) throw invalidReport(path, 'is a folder, not a report file');
  if (!stats.isFile()) throw invalidReport(path, 'not a regular file');
  if (stats.size > limits.maxBytes) {
    throw invalidReport(path, `file is ${stats.size} bytes, over the ${formatBytes(limits.maxBytes)} limit for reports`);
  }
}

function endOf(bytes: Uint8Array): { line: number; column: number } {
  const text = new TextDecoder('utf-8').decode(bytes);
  return lineColumnAt(text, text.length);
}

function describeReadError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot read file: ${error instanceof Error ? error.message : String(error)}`;
}
