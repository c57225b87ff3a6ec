import type { FileWording } from '../../artifacts/source/decode-source.js';
import { readSourceFile } from '../../artifacts/source/read-source-file.js';
import { ValidationError } from '../../domain/errors/index.js';
import type { ReportLimits } from './report-limits.js';

const reportWording: FileWording = { limitOf: 'reports', file: 'report file', text: 'a text report' };

/**
 * Reads a report file as UTF-8 text (a byte order mark dropped), with the bounded, non-blocking
 * read planning files get: size checked before and during the read, anything but a regular file
 * refused, binary or invalid UTF-8 refused at the offending byte. Throws a located `ValidationError`.
 */
export async function readReportFile(path: string, limits: Pick<ReportLimits, 'maxBytes'>): Promise<string> {
  const read = await readSourceFile(path, limits, reportWording);
  if (!read.ok) throw new ValidationError([read.diagnostic]);
  return read.text;
}
