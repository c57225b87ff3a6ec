import { XMLParser } from 'fast-xml-parser';

/** An element of a parsed report, with its attributes and text decoded. */
export interface XmlElement {
  name: string;
  attributes: Readonly<Record<string, string>>;
  /** The element's own text (entities decoded) followed by its CDATA sections. */
  text: string;
  /** Child elements by name, each still in fast-xml-parser's raw form; read them with `childElements`. */
  children: ReadonlyMap<string, readonly unknown[]>;
  /** Character offset of the element's start tag, when the parser recorded one. */
  offset: number | undefined;
}

export const attributePrefix = '@_';
export const textKey = '#text';
export const cdataKey = '#cdata';

/** Where fast-xml-parser keeps an element's offset when `captureMetaData` is on. */
const metaDataKey = XMLParser.getMetaDataSymbol() as PropertyKey;

/** Turns one raw fast-xml-parser value (a string for a plain element, else an object) into an element. */
export function toXmlElement(name: string, raw: unknown): XmlElement {
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  const children = new Map<string, unknown[]>();
  if (raw === null || typeof raw !== 'object') {
    return { name, attributes, text: decodeXmlText(raw === undefined || raw === null ? '' : String(raw)), children, offset: undefined };
  }
  let text = '';
  let cdata = '';
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith(attributePrefix)) attributes[key.slice(attributePrefix.length)] = decodeXmlText(String(value));
    else if (key === textKey) text += decodeXmlText(String(value));
    else if (key === cdataKey) cdata += (Array.isArray(value) ? value : [value]).map(String).join('');
    else children.set(key, Array.isArray(value) ? value : [value]);
  }
  const meta = (raw as Record<PropertyKey, unknown>)[metaDataKey];
  const offset = typeof meta === 'object' && meta !== null ? (meta as { startIndex?: unknown }).startIndex : undefined;
  return { name, attributes, text: text + cdata, children, offset: typeof offset === 'number' ? offset : undefined };
}

/** The child elements called `name`, in document order. */
export function childElements(parent: XmlElement, name: string): XmlElement[] {
  return (parent.children.get(name) ?? []).map((raw) => toXmlElement(name, raw));
}

/** The first child element called `name`, if any. */
export function childElement(parent: XmlElement, name: string): XmlElement | undefined {
  const raw = parent.children.get(name);
  return raw === undefined || raw.length === 0 ? undefined : toXmlElement(name, raw[0]);
}

const predefined: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decodes XML's five predefined entities and character references in one pass. The parser runs
 * with entity processing off, so entities declared in a DOCTYPE are never expanded (no billion
 * laughs); an unknown named entity is kept as written.
 */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,4});/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return predefined[name] ?? whole;
  });
}
