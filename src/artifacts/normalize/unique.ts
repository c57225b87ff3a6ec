/** The items of `lists` in order of first appearance, each once. */
export function unique(...lists: readonly (readonly string[] | undefined)[]): string[] {
  return [...new Set(lists.flatMap((list) => list ?? []))];
}
