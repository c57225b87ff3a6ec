/** The placeholders a version tag template may use, and what each stands for. */
export const VersionPlaceholder = {
  service: 'the image name: the sprint\'s module in kebab-case, else versioning.service',
  version: 'major.minor.patch: the milestone\'s place in the plan bumps minor, the sprint\'s place in its milestone bumps patch',
  milestoneTag: 'the milestone\'s versionTag (its id when it has none)',
  milestone: 'the milestone id',
  sprint: 'the sprint id without separators (sprint-3 → sprint3)',
  trace: 'the trace id without separators (trace-123 → trace123)',
} as const;
export type VersionPlaceholder = keyof typeof VersionPlaceholder;

/** A parsed template: literal text and placeholders, in order. */
export type VersionTemplate = readonly ({ text: string } | { placeholder: VersionPlaceholder })[];

/** Why a template cannot be used, and where (1-based character in the template). */
export interface VersionTemplateError {
  message: string;
  column: number;
}

/** Characters a template's literal text may hold: those of an image reference (`name:tag`). */
const literal = /^[A-Za-z0-9_.:/@-]*$/;

/**
 * Parses a version tag template such as `{service}:{version}-{milestoneTag}-{trace}`: literal text
 * and `{placeholder}`s of `VersionPlaceholder`. An unknown placeholder, an unclosed brace or a
 * character an image reference cannot hold is an error with its column.
 *
 * @example parseVersionTemplate('{service}:{version}-{sprint}-hotfix')
 */
export function parseVersionTemplate(text: string): VersionTemplate | VersionTemplateError {
  const parts: ({ text: string } | { placeholder: VersionPlaceholder })[] = [];
  let index = 0;
  while (index < text.length) {
    const open = text.indexOf('{', index);
    const chunk = open === -1 ? text.slice(index) : text.slice(index, open);
    const close = chunk.indexOf('}');
    if (close !== -1) return { message: 'a } without its {', column: index + close + 1 };
    if (!literal.test(chunk)) {
      const bad = [...chunk].findIndex((char) => !literal.test(char));
      return { message: `${JSON.stringify(chunk[bad])} cannot appear in an image tag (letters, digits and _ . - : / @ only)`, column: index + bad + 1 };
    }
    if (chunk !== '') parts.push({ text: chunk });
    if (open === -1) break;
    const end = text.indexOf('}', open);
    if (end === -1) return { message: 'a { without its }', column: open + 1 };
    const name = text.slice(open + 1, end);
    if (!isPlaceholder(name)) return { message: `unknown placeholder {${name}}; known: ${Object.keys(VersionPlaceholder).map((key) => `{${key}}`).join(', ')}`, column: open + 1 };
    parts.push({ placeholder: name });
    index = end + 1;
  }
  if (!parts.some((part) => 'placeholder' in part && part.placeholder === 'version')) return { message: 'the template needs {version}', column: 1 };
  return parts;
}

/** Is the result of `parseVersionTemplate` an error? */
export function isVersionTemplateError(parsed: VersionTemplate | VersionTemplateError): parsed is VersionTemplateError {
  return !Array.isArray(parsed);
}

function isPlaceholder(name: string): name is VersionPlaceholder {
  return Object.hasOwn(VersionPlaceholder, name);
}

/** The template filled with `values`; each value is reduced to characters an image tag may hold. */
export function renderVersionTemplate(template: VersionTemplate, values: Readonly<Record<VersionPlaceholder, string>>): string {
  return template.map((part) => ('text' in part ? part.text : tagSafe(values[part.placeholder]))).join('');
}

/** Characters outside `[A-Za-z0-9_.-]` become `-` (a milestone's versionTag written with a space, say). */
function tagSafe(value: string): string {
  return value.replace(/[^A-Za-z0-9_.-]/g, '-');
}
