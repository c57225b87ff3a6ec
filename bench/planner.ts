// Planner scenario: plan a backlog of 10,000 features with 30,000 dependencies (five milestones,
// four agent roles, capacity per sprint and per role), beside a bare topological sort (Kahn's
// algorithm over the same features, ids resolved through a map) in the same process. Target: the
// planner's throughput at least a tenth of the sort's (the planner within 10× of it).
import { performance } from 'node:perf_hooks';
import { planBacklog, type PlannerInput } from '../src/domain/planner/index.js';
import type { Feature, Milestone } from '../src/domain/planning/index.js';
import { compareFigure, median, type BenchFigure } from './bench-figure.js';

const scenario = 'planner';
const featureCount = 10_000;
const dependencyCount = 30_000;
const rounds = 9;
const warmups = 3;
const log = (text: string): void => void process.stderr.write(`[planner] ${text}\n`);

/** A deterministic pseudo-random sequence (mulberry32), so every run plans the same backlog. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const roles = ['backend-developer', 'test-generator', 'documentation', 'qa'];
const milestones: Milestone[] = ['m1', 'm2', 'm3', 'm4', 'm5'].map((id) => ({
  id,
  requiredFeatures: [],
  requiredArtifacts: [],
  gates: [],
  allowsDeferred: true,
  onDeferEmit: 'FeatureDeferred',
  parallelStreams: [],
  triggers: [],
  labels: [],
  extra: {},
}));

/** The backlog: each dependency points at an earlier feature (a DAG), milestones follow file order loosely. */
function backlog(): Feature[] {
  const next = random(42);
  const dependsOn: string[][] = Array.from({ length: featureCount }, () => []);
  for (let placed = 0; placed < dependencyCount; ) {
    const from = 1 + Math.floor(next() * (featureCount - 1));
    const to = Math.floor(next() * from);
    const id = `F${to}`;
    if (dependsOn[from]!.includes(id)) continue;
    dependsOn[from]!.push(id);
    placed++;
  }
  return dependsOn.map((deps, i) => ({
    id: `F${i}`,
    dependsOn: deps,
    priority: (['P1', 'P2', 'P3', 'P4'] as const)[Math.floor(next() * 4)]!,
    requiredBy: milestones[Math.min(4, Math.floor((i / featureCount) * 5 + next() * 0.5))]!.id,
    estimatedEffort: 1 + Math.floor(next() * 5),
    agentRoles: [roles[Math.floor(next() * roles.length)]!],
    status: 'planned',
    acceptanceCriteria: [],
    labels: [],
    extra: {},
  }));
}

/** The baseline: Kahn's algorithm over the same features, ids resolved through a map. */
function topologicalSort(features: readonly Feature[]): string[] {
  const index = new Map<string, number>();
  features.forEach((feature, i) => index.set(feature.id, i));
  const waiting = new Int32Array(features.length);
  const dependents: number[][] = features.map(() => []);
  features.forEach((feature, i) => {
    for (const id of feature.dependsOn) {
      const at = index.get(id);
      if (at === undefined) continue;
      dependents[at]!.push(i);
      waiting[i]!++;
    }
  });
  const queue: number[] = [];
  for (let i = 0; i < features.length; i++) if (waiting[i] === 0) queue.push(i);
  const order: string[] = [];
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head]!;
    order.push(features[i]!.id);
    for (const next of dependents[i]!) if (--waiting[next]! === 0) queue.push(next);
  }
  return order;
}

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Runs the scenario and returns its figures. */
export async function runPlannerBench(): Promise<BenchFigure[]> {
  const features = backlog();
  const input: PlannerInput = { features, milestones, capacity: { sprintEffort: 40, roleEffort: { 'backend-developer': 20, 'test-generator': 20, documentation: 10, qa: 10 } } };
  const plan = planBacklog(input);
  const sorted = topologicalSort(features);
  log(`${featureCount} features, ${dependencyCount} dependencies: ${plan.sprints.length} sprints, ${plan.deferred.length} deferred, ${plan.pulledForward.length} pulled forward; the sort orders ${sorted.length}`);
  for (let i = 0; i < warmups; i++) {
    planBacklog(input);
    topologicalSort(features);
  }
  const planner: number[] = [];
  const sort: number[] = [];
  for (let i = 0; i < rounds; i++) {
    planner.push((featureCount * 1000) / timed(() => planBacklog(input)));
    sort.push((featureCount * 1000) / timed(() => topologicalSort(features)));
    log(`round ${i + 1}: planner ${Math.round(planner.at(-1)!)} features/s, topological sort ${Math.round(sort.at(-1)!)} features/s`);
  }
  return [compareFigure(scenario, 'plan', 'features/s', median(planner), 'bare topological sort of the same graph', median(sort), 0.1)];
}
