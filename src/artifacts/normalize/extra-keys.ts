import type { JsonObject, JsonValue } from '../../domain/events/envelope.js';

/**
 * The entries of `value` whose keys the schema `shape` does not know (unknown keys, kept as
 * written), and those of `passedOn`: known keys Kairos itself does not interpret.
 */
export function extraKeys(value: Record<string, unknown>, shape: object, passedOn: readonly string[] = []): JsonObject {
  const extra: JsonObject = {};
  for (const [key, entry] of Object.entries(value)) {
    if (!Object.hasOwn(shape, key) || (passedOn.includes(key) && entry !== undefined)) extra[key] = entry as JsonValue;
  }
  return extra;
}
