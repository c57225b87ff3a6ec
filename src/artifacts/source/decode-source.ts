import type { Diagnostic } from '../../domain/errors/index.js';
import { formatBytes } from './format-bytes.js';
import { lineColumnAt } from './line-column-at.js';
import type { SourceLimits } from './source-limits.js';

/** The text of a file, or why it is not a planning file. */
export type DecodeResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/** How refusals name the kind of file being read (planning files by default; reports, …). */
export interface FileWording {
  /** `file is N bytes, over the 2 MiB limit for <limitOf>`. */
  limitOf: string;
  /** `is a folder, not a <file>`. */
  file: string;
  /** `binary file (a NUL byte here): expected <text>`. */
  text: string;
}

/** The wording for planning files. */
export const planningFileWording: FileWording = { limitOf: 'planning files', file: 'file', text: 'UTF-8 text' };

/**
 * Turns a file's bytes into text, refusing what is not a planning file: too large, binary (a NUL
 * byte) or not UTF-8. A UTF-8 byte order mark is dropped.
 */
export function decodeSource(bytes: Uint8Array, file: string, limits: Pick<SourceLimits, 'maxBytes'>, wording: FileWording = planningFileWording): DecodeResult {
  if (bytes.length > limits.maxBytes) {
    return refuse(file, '', `file is ${bytes.length} bytes, over the ${formatBytes(limits.maxBytes)} limit for ${wording.limitOf}`);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return refuse(file, lenient(bytes.subarray(0, nul)), `binary file (a NUL byte here): expected ${wording.text}`);
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const text = lenient(bytes);
    const bad = text.indexOf('\uFFFD');
    return refuse(file, text.slice(0, Math.max(0, bad)), 'not valid UTF-8 text (an invalid byte sequence here)');
  }
}

function lenient(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** An error located just after `before`, the text that precedes the problem. */
function refuse(file: string, before: string, message: string): DecodeResult {
  const at = lineColumnAt(before, before.length);
  return { ok: false, diagnostic: { severity: 'error', file, line: at.line, column: at.column, message, path: '' } };
}
