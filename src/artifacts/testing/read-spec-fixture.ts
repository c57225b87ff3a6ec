import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const folder = fileURLToPath(new URL('../fixtures/spec/', import.meta.url));

/** The text of one example copied verbatim from the user's specification. */
export function readSpecFixture(name: string): string {
  return readFileSync(`${folder}${name}`, 'utf8');
}

/** The names of the spec fixtures starting with `prefix`. */
export function specFixtureNames(prefix: string): string[] {
  return readdirSync(folder).filter((name) => name.startsWith(prefix)).sort();
}
