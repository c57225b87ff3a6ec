/**
 * The entries of `value` that are defined, typed as optional properties: lets a normaliser write
 * `{ ...omitUndefined({ name: raw.name }) }` under `exactOptionalPropertyTypes`.
 */
export function omitUndefined<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const defined: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) if (entry !== undefined) defined[key] = entry;
  return defined as { [K in keyof T]?: Exclude<T[K], undefined> };
}
