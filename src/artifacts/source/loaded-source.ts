import type { Document, LineCounter } from 'yaml';
import type { Diagnostic } from '../../domain/errors/index.js';

/** A planning file read and parsed, with what is needed to locate any path in it. */
export interface LoadedSource {
  file: string;
  /** The parsed document; absent when the text could not be parsed at all. */
  document: Document.Parsed | undefined;
  lineCounter: LineCounter;
  /** The document as plain data; meaningful only when `readable`. */
  value: unknown;
  /** True when `value` holds the whole document (schema checks may run on it). */
  readable: boolean;
  /** Problems found while reading and parsing. */
  diagnostics: Diagnostic[];
}
