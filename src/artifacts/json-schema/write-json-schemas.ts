import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { artifactKinds } from '../artifact-kind.js';
import { artifactJsonSchema } from './artifact-json-schema.js';

/**
 * Writes `<kind>.schema.json` for every kind into `outDir` (created if needed), for editors'
 * `# yaml-language-server: $schema=…` modelines. Returns the paths written.
 */
export async function writeJsonSchemas(outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  return Promise.all(
    artifactKinds.map(async (kind) => {
      const path = join(outDir, `${kind}.schema.json`);
      await writeFile(path, `${JSON.stringify(artifactJsonSchema(kind), null, 2)}\n`);
      return path;
    }),
  );
}
