/**
 * Serialises a JSON value canonically: object keys sorted by code unit, no whitespace, `undefined`
 * members left out (RFC 8785 for the values Kairos stores). Equal values give equal strings, so the
 * result can be hashed.
 *
 * @example canonicalJson({ b: 1, a: [true, null] }) === '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  const out: Output = { text: '' };
  write(value, out);
  return out.text;
}

/** Characters gathered before `writeCanonicalJson` hands them on. */
const chunkLength = 1 << 16;

/**
 * The canonical JSON of `value`, handed to `sink` in chunks (their concatenation is
 * `canonicalJson(value)`): a hash takes a large value without it ever being one string.
 */
export function writeCanonicalJson(value: unknown, sink: (chunk: string) => void): void {
  const out: Output = { text: '', sink };
  write(value, out);
  if (out.text.length > 0) sink(out.text);
}

interface Output {
  text: string;
  sink?: (chunk: string) => void;
}

function write(value: unknown, out: Output): void {
  if (value === null || typeof value !== 'object') {
    out.text += primitive(value);
    return;
  }
  if (out.sink !== undefined && out.text.length >= chunkLength) {
    out.sink(out.text);
    out.text = '';
  }
  if (Array.isArray(value)) {
    out.text += '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.text += ',';
      const item: unknown = value[i];
      if (item === undefined) out.text += 'null';
      else write(item, out);
    }
    out.text += ']';
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  out.text += '{';
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    out.text += (first ? '' : ',') + JSON.stringify(key) + ':';
    first = false;
    write(item, out);
  }
  out.text += '}';
}

function primitive(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError(`cannot serialise ${String(value)} as JSON`);
  return JSON.stringify(value) ?? 'null';
}
