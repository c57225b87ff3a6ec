import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactKinds } from '../artifact-kind.js';
import { writeJsonSchemas } from './write-json-schemas.js';

describe('writeJsonSchemas', () => {
  it('writes one draft-07 schema per kind, exported from the validating zod schemas', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kairos-schemas-')), 'schemas');
    const written = await writeJsonSchemas(out);
    expect(written.map((path) => basename(path))).toEqual(artifactKinds.map((kind) => `${kind}.schema.json`));
    for (const path of written) {
      const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(schema.title).toMatch(/^Kairos /);
    }
    const milestones = JSON.parse(readFileSync(join(out, 'milestones.schema.json'), 'utf8'));
    expect(milestones).toMatchObject({ type: 'object', required: ['milestones'], additionalProperties: {} });
    expect(Object.keys(milestones.properties.milestones.items.properties)).toEqual(
      expect.arrayContaining(['requiredFeatures', 'features', 'allowsDeferred', 'deferredAllowed', 'owner', 'governedBy', 'gateConditions', 'triggers', 'onDeferEmit']),
    );
    const features = JSON.parse(readFileSync(join(out, 'features.schema.json'), 'utf8'));
    expect(features.anyOf).toHaveLength(2);
    const agents = JSON.parse(readFileSync(join(out, 'agents.schema.json'), 'utf8'));
    expect(agents.properties.agents.items.properties.executor.oneOf).toHaveLength(3);
  });
});
