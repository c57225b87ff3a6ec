import type { JsonObject, JsonValue } from '../../domain/events/envelope.js';

/** The entries of `value` whose keys the schema `shape` does not know: unknown keys, kept as written. */
export function extraKeys(value: Record<string, unknown>, shape: object): JsonObject {
  const extra: JsonObject = {};
  for (const [key, entry] of Object.entries(value)) {
    if (!Object.hasOwn(shape, key)) extra[key] = entry as JsonValue;
  }
  return extra;
}
