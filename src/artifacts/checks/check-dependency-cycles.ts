import type { Diagnostic } from '../../domain/errors/index.js';
import type { Dependency, PlanningSymbols } from './planning-symbols.js';
import type { SiteLocator } from './site-locator.js';

/**
 * Reports each `dependsOn` cycle once, named in order (`A → B → C → A`), at the first feature's
 * edge into the cycle. Cycles are the strongly connected components of the dependency graph
 * (found without recursion, so a long chain cannot exhaust the stack); each is shown as the
 * shortest cycle through its first feature in file order.
 */
export function checkDependencyCycles(symbols: PlanningSymbols, locator: SiteLocator): Diagnostic[] {
  if (!symbols.provided.includes('feature')) return [];
  const order = [...new Set(symbols.definitions.filter((d) => d.namespace === 'feature').map((d) => d.id))];
  const known = new Set(order);
  const edges = new Map<string, Dependency[]>();
  for (const dependency of symbols.dependencies) {
    if (!known.has(dependency.to) || !known.has(dependency.from)) continue;
    const out = edges.get(dependency.from);
    if (out === undefined) edges.set(dependency.from, [dependency]);
    else out.push(dependency);
  }
  const diagnostics: Diagnostic[] = [];
  for (const component of stronglyConnected(order, edges)) {
    const start = order.find((id) => component.has(id));
    if (start === undefined) continue;
    const cycle = shortestCycle(start, component, edges);
    if (cycle === undefined) continue;
    const names = [start, ...cycle.map((edge) => edge.to)];
    const message = names.length === 2 ? `feature ${start} depends on itself` : `dependsOn cycle: ${names.join(' → ')}`;
    const firstEdge = cycle[0];
    if (firstEdge !== undefined) diagnostics.push(locator.diagnose(firstEdge, 'error', message));
  }
  return diagnostics;
}

/** Tarjan's algorithm with an explicit stack; returns components that contain a cycle. */
function stronglyConnected(nodes: readonly string[], edges: ReadonlyMap<string, Dependency[]>): Set<string>[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: Set<string>[] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work.at(-1);
      if (frame === undefined) break;
      const out = edges.get(frame.node) ?? [];
      const edge = out[frame.next++];
      if (edge !== undefined) {
        if (!index.has(edge.to)) {
          index.set(edge.to, counter);
          low.set(edge.to, counter++);
          stack.push(edge.to);
          onStack.add(edge.to);
          work.push({ node: edge.to, next: 0 });
        } else if (onStack.has(edge.to)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(edge.to) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent !== undefined) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component = new Set<string>();
      for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
        onStack.delete(member);
        component.add(member);
        if (member === frame.node) break;
      }
      const selfLoop = out.some((e) => e.to === frame.node);
      if (component.size > 1 || selfLoop) components.push(component);
    }
  }
  return components;
}

/** The shortest path of edges from `start` back to `start` inside `component` (breadth-first). */
function shortestCycle(start: string, component: ReadonlySet<string>, edges: ReadonlyMap<string, Dependency[]>): Dependency[] | undefined {
  const via = new Map<string, Dependency>();
  const queue: string[] = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    if (node === undefined) break;
    for (const edge of edges.get(node) ?? []) {
      if (!component.has(edge.to)) continue;
      if (edge.to === start) {
        const path = [edge];
        for (let at = node; at !== start; ) {
          const step = via.get(at);
          if (step === undefined) break;
          path.unshift(step);
          at = step.from;
        }
        return path;
      }
      if (via.has(edge.to)) continue;
      via.set(edge.to, edge);
      queue.push(edge.to);
    }
  }
  return undefined;
}
