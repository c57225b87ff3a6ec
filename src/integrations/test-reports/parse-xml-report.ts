import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { lineColumnAt } from '../../artifacts/source/line-column-at.js';
import { checkReportText } from './check-report-text.js';
import { invalidReport } from './invalid-report.js';
import type { ReportLimits } from './report-limits.js';
import { attributePrefix, cdataKey, textKey, toXmlElement, type XmlElement } from './xml-element.js';

/** A parsed XML report: its root element, and the text for locating problems in it. */
export interface XmlReport {
  root: XmlElement;
  text: string;
  file: string;
}

const htmlStart = /^\s*<(?:!doctype\s+html|html)[\s>]/i;

/**
 * Parses report XML safely: the size is checked first, well-formedness is checked by
 * fast-xml-parser's validator (which gives a line and column), and entity processing is off so a
 * DOCTYPE's entities are never expanded. Elements in `arrayTags` are always lists, even when one.
 */
export function parseXmlReport(text: string, file: string, kind: string, arrayTags: ReadonlySet<string>, limits: Pick<ReportLimits, 'maxBytes'>): XmlReport {
  checkReportText(text, file, kind, limits);
  if (htmlStart.test(text.slice(0, 1024))) throw invalidReport(file, `an HTML page, not a ${kind}`);
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) {
    throw invalidReport(file, `not well-formed XML: ${valid.err.msg}`, { line: valid.err.line, column: valid.err.col });
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: attributePrefix,
    textNodeName: textKey,
    cdataPropName: cdataKey,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    captureMetaData: true,
    isArray: (name) => arrayTags.has(name),
  });
  let parsed: unknown;
  try {
    parsed = parser.parse(text);
  } catch (error) {
    throw invalidReport(file, `cannot parse XML: ${error instanceof Error ? error.message : String(error)}`, undefined, error);
  }
  const rootName = Object.keys(typeof parsed === 'object' && parsed !== null ? parsed : {}).find((key) => !key.startsWith('?') && !key.startsWith('#'));
  if (rootName === undefined) throw invalidReport(file, `no root element: expected a ${kind}`);
  const raw = (parsed as Record<string, unknown>)[rootName];
  return { root: toXmlElement(rootName, Array.isArray(raw) ? raw[0] : raw), text, file };
}

/** The line and column of an element, or of the root element's start when it has no recorded offset. */
export function locateElement(report: XmlReport, element: XmlElement): { line: number; column: number } {
  const offset = element.offset ?? Math.max(0, report.text.search(/<[A-Za-z_]/));
  return lineColumnAt(report.text, offset);
}
