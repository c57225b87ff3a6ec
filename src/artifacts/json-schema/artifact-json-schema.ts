import { z } from 'zod';
import type { ArtifactKind } from '../artifact-kind.js';
import { artifactKindTitles, artifactSchemas } from '../validation/artifact-schemas.js';

/**
 * The JSON Schema (draft 7, which editors' YAML support reads best) of one kind, exported from the
 * same zod schema the validator uses. Checks that need code (gate names, cross-file references)
 * are not in it; `kairos validate` runs them.
 */
export function artifactJsonSchema(kind: ArtifactKind): Record<string, unknown> {
  const schema = z.toJSONSchema(artifactSchemas[kind], { target: 'draft-7', io: 'input', unrepresentable: 'any' });
  return { ...schema, title: artifactKindTitles[kind] };
}
