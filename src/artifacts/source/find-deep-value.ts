/** Why a parsed value cannot be checked safely. */
export type DeepValueProblem = 'too-deep' | 'too-large';

/**
 * Walks parsed data without recursion and reports whether it nests deeper than `maxDepth` or has
 * more than `maxNodes` nodes. Aliases can make data deeper and larger than its text; this bounds
 * what the schema checks (which recurse) will see.
 */
export function findDeepValue(value: unknown, maxDepth: number, maxNodes: number): DeepValueProblem | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === undefined || current.value === null || typeof current.value !== 'object') continue;
    nodes += 1;
    if (nodes > maxNodes) return 'too-large';
    if (current.depth >= maxDepth) return 'too-deep';
    const children = Array.isArray(current.value) ? current.value : Object.values(current.value);
    for (const child of children) stack.push({ value: child, depth: current.depth + 1 });
  }
  return undefined;
}
