import { readFileSync } from 'node:fs';
import { ValidationError } from '../../../domain/errors/index.js';

/** The text of a fixture in `fixtures/` (tests only). */
export function fixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** The path of a fixture in `fixtures/` (tests only). */
export function fixturePath(name: string): string {
  return new URL(`../fixtures/${name}`, import.meta.url).pathname;
}

/** The ValidationError `run` throws; fails the test when it throws nothing or something else. */
export async function validationErrorOf(run: () => unknown): Promise<ValidationError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}
