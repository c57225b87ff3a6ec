/** Folder, relative to the workspace, that generated feature files are written to. */
export const featureFilesDir = 'tests/features';

/** Most UTF-8 bytes of a file name's title part, leaving room for a suffix within 255 bytes. */
const maxStemBytes = 150;
/** Most UTF-8 bytes of the feature-id suffix added on a collision. */
const maxSuffixBytes = 60;

// Windows refuses these names with any extension, whatever the case.
const reservedNames = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * PascalCase of a text for a file name: letters and digits of any script (NFC) are kept, every
 * other character separates words, each word's first letter is upper-cased and the rest kept.
 *
 * @example pascalCase('book appointment') // 'BookAppointment'
 */
export function pascalCase(text: string): string {
  return text
    .normalize('NFC')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/**
 * The file name (without folder and extension) of a feature: the title in PascalCase, else the
 * id in PascalCase, else `Feature`; cut to 150 UTF-8 bytes; `Feature` is appended to a name Windows
 * reserves (`Con` → `ConFeature`). Only letters and digits remain, so the name can hold no `/`,
 * `\`, `.` or `..` and cannot leave {@link featureFilesDir}.
 */
export function featureFileStem(feature: { id: string; title?: string }): string {
  const stem = cutBytes(pascalCase(feature.title ?? ''), maxStemBytes) || cutBytes(pascalCase(feature.id), maxStemBytes) || 'Feature';
  return reservedNames.test(stem) ? `${stem}Feature` : stem;
}

/**
 * The suffix that tells apart two features whose file names collide: the id in PascalCase (cut
 * to 60 bytes), else the id's FNV-1a hash in hex.
 */
export function featureIdSuffix(featureId: string): string {
  return cutBytes(pascalCase(featureId), maxSuffixBytes) || fnv1a(featureId);
}

/** The workspace-relative path of a feature file with this stem. */
export function featureFilePath(stem: string): string {
  return `${featureFilesDir}/${stem}.feature`;
}

/** 32-bit FNV-1a over the UTF-16 code units, as 8 hex digits: a short, stable tie-breaker. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function cutBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const point of text) {
    const code = point.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (bytes > maxBytes) break;
    out += point;
  }
  return out;
}
