import { roleKey, type Feature } from '../planning/index.js';
import type { BacklogPlan, DeferredFeature, MilestoneRisk, PlannerInput, ProposedSprint, PulledForward } from './backlog-plan.js';
import { describeDeferral, type Deferral } from './deferral.js';
import { PriorityQueue } from './priority-queue.js';
import { SprintLoad, type CapacityLimits } from './sprint-load.js';

/** How many open sprints a feature may look at for room before the planner opens a new one. */
const lookahead = 8;
/** Effort of a feature without `estimatedEffort`. */
export const defaultEffort = 1;
const priorityRank: Record<string, number> = { P1: 1, P2: 2, P3: 3, P4: 4 };
const pausedLabels = new Set(['manual-defer', 'manualdefer', 'human-blocked', 'humanblocked']);

/**
 * The Product Owner's planner: proposes sprints for the backlog features no sprint holds yet.
 *
 * Dependencies come first (a feature never lands before what it depends on; the same sprint is
 * fine), then `requiredBy` milestones in delivery order (a prerequisite of an earlier milestone's
 * feature is pulled forward into that milestone), then priority (a person's manual priority first),
 * then file order; sprints are packed to capacity (total effort and effort per agent role). What
 * cannot be placed is deferred with a typed reason: a missing or deferred prerequisite (cycles
 * included), a prerequisite blocked in another trace, no room (the role named), or a person's pause.
 * A milestone's overflow rolls forward into the next milestone. The previous plan's sprints keep
 * their ids and scope, less what can no longer stay; new work goes into new sprints.
 *
 * Pure and deterministic: the same input always gives the same plan.
 */
export function planBacklog(input: PlannerInput): BacklogPlan {
  return new BacklogPlanner(input).plan();
}

class BacklogPlanner {
  private readonly features: readonly Feature[];
  private readonly index = new Map<string, number>();
  /** Completed, or held by a sprint the planner does not touch. */
  private readonly placedOutside = new Set<string>();
  private readonly candidate: Uint8Array;
  /** Known prerequisites (indexes) and unknown ones (names), per feature. */
  private readonly deps: number[][];
  private readonly unknownDeps: string[][];
  private readonly dependents: number[][];
  private readonly rank: number[];
  private readonly effort: number[];
  /** Each feature's agent roles as `roleKey`s, without repeats. */
  private readonly roles: string[][];
  /** Role keys some agent answers to; undefined: not checked. */
  private readonly served: ReadonlySet<string> | undefined;
  private readonly deferred = new Map<number, DeferredFeature>();
  /** Group (milestone index; milestones.length: no milestone) each candidate is planned in. */
  private readonly group: number[];
  /** Where each placed candidate went: its group and its slot among the group's new sprints (-1: a kept sprint or earlier). */
  private readonly slot: number[];
  private readonly placed: Uint8Array;
  private readonly limits: CapacityLimits;
  private readonly pulledForward: PulledForward[] = [];
  private nextSprintNumber: number;

  constructor(private readonly input: PlannerInput) {
    this.features = input.features;
    const n = this.features.length;
    this.features.forEach((feature, i) => {
      if (!this.index.has(feature.id)) this.index.set(feature.id, i);
    });
    for (const feature of this.features) if (feature.status === 'completed') this.placedOutside.add(feature.id);
    for (const sprint of input.fixedSprints ?? []) for (const id of sprint.features) this.placedOutside.add(id);
    this.candidate = new Uint8Array(n);
    this.deps = new Array<number[]>(n);
    this.unknownDeps = new Array<string[]>(n);
    this.dependents = Array.from({ length: n }, () => []);
    this.rank = new Array<number>(n);
    this.effort = new Array<number>(n);
    this.roles = new Array<string[]>(n);
    this.group = new Array<number>(n).fill(input.milestones.length);
    this.slot = new Array<number>(n).fill(-1);
    this.placed = new Uint8Array(n);
    const keys = new Map<string, string>();
    this.features.forEach((feature, i) => {
      const own = this.index.get(feature.id) === i;
      this.candidate[i] = own && !this.placedOutside.has(feature.id) ? 1 : 0;
      const known: number[] = [];
      const unknown: string[] = [];
      for (const id of feature.dependsOn) {
        const at = this.index.get(id);
        if (at === undefined) unknown.push(id);
        else known.push(at);
      }
      this.deps[i] = known;
      this.unknownDeps[i] = unknown;
      const priority = input.decisions?.[feature.id]?.priority ?? feature.priority;
      this.rank[i] = priority === undefined ? 5 : (priorityRank[priority] ?? 5);
      this.effort[i] = feature.estimatedEffort ?? defaultEffort;
      this.roles[i] = roleKeysOf(feature.agentRoles, keys);
    });
    for (let i = 0; i < n; i++) {
      if (this.candidate[i] === 0) continue;
      for (const dep of this.deps[i]!) if (this.candidate[dep] === 1) this.dependents[dep]!.push(i);
    }
    this.served = input.roles === undefined ? undefined : new Set(input.roles.map(roleKey));
    this.limits = {
      ...(input.capacity.sprintEffort === undefined ? {} : { sprintEffort: input.capacity.sprintEffort }),
      roleEffort: new Map(Object.entries(input.capacity.roleEffort).map(([role, effort]) => [roleKey(role), { role, effort }])),
    };
    const numbers = [...(input.fixedSprints ?? []), ...(input.previous ?? [])].map((sprint) => sprint.id).concat(input.usedSprintIds ?? []).map(sprintNumber);
    this.nextSprintNumber = Math.max(0, ...numbers) + 1;
  }

  plan(): BacklogPlan {
    const order = this.dependencyOrder();
    this.deferUnplaceable(order);
    this.assignGroups(order);
    const sprints: ProposedSprint[] = [];
    const rolled: number[] = [];
    for (let group = 0; group <= this.input.milestones.length; group++) {
      const kept = this.keepPrevious(group);
      const pool = this.poolOf(group, rolled.splice(0));
      sprints.push(...kept.map((sprint) => sprint.toProposed(this.features, true)), ...this.pack(group, kept.length, pool, rolled).map((sprint) => sprint.toProposed(this.features, false)));
    }
    const deferred = [...this.deferred.entries()].sort((a, b) => a[0] - b[0]).map(([, entry]) => entry);
    return { sprints, deferred, atRisk: this.risks(sprints), pulledForward: this.pulledForward };
  }

  /** Candidates with prerequisites first (Kahn's algorithm, file order among equals); cycle members last, unsorted. */
  private dependencyOrder(): { sorted: number[]; cyclic: number[] } {
    const n = this.features.length;
    const waiting = new Int32Array(n);
    const ready: number[] = [];
    for (let i = 0; i < n; i++) {
      if (this.candidate[i] === 0) continue;
      for (const dep of this.deps[i]!) if (this.candidate[dep] === 1) waiting[i]!++;
      if (waiting[i] === 0) ready.push(i);
    }
    const sorted: number[] = [];
    for (let head = 0; head < ready.length; head++) {
      const i = ready[head]!;
      sorted.push(i);
      for (const next of this.dependents[i]!) if (--waiting[next]! === 0) ready.push(next);
    }
    const cyclic: number[] = [];
    for (let i = 0; i < n; i++) if (this.candidate[i] === 1 && waiting[i]! > 0) cyclic.push(i);
    return { sorted, cyclic };
  }

  /** Defers, in dependency order, what no sprint could take whatever the room: pauses, missing or blocked prerequisites, cycles, oversize. */
  private deferUnplaceable(order: { sorted: number[]; cyclic: number[] }): void {
    const inCycleSet = new Set(order.cyclic);
    for (const i of order.cyclic) {
      const cycle = this.cycleThrough(i, inCycleSet);
      const prerequisite = cycle === undefined ? this.features[this.deps[i]!.find((dep) => inCycleSet.has(dep))!]!.id : cycle[1]!;
      this.defer(i, cycle === undefined ? { kind: 'missingPrerequisite', prerequisite } : { kind: 'missingPrerequisite', prerequisite, cycle });
    }
    for (const i of order.sorted) {
      const deferral = this.pausedBy(i) ?? this.prerequisiteProblem(i) ?? this.capacityProblem(i);
      if (deferral !== undefined) this.defer(i, deferral);
    }
  }

  /** The cycle through `start`, as ids from start back to start, or undefined when start only leads into one. */
  private cycleThrough(start: number, cyclic: ReadonlySet<number>): string[] | undefined {
    const path = [start];
    const seen = new Map([[start, 0]]);
    let at = start;
    for (;;) {
      const next = this.deps[at]!.find((dep) => cyclic.has(dep));
      if (next === undefined) return undefined;
      const earlier = seen.get(next);
      if (earlier !== undefined) return earlier === 0 ? [...path, start].map((i) => this.features[i]!.id) : undefined;
      seen.set(next, path.length);
      path.push(next);
      at = next;
    }
  }

  private pausedBy(i: number): Deferral | undefined {
    const feature = this.features[i]!;
    const decision = this.input.decisions?.[feature.id]?.paused;
    if (decision !== undefined) return { kind: 'manuallyPaused', ...decision };
    if (feature.status === 'deferred') return { kind: 'manuallyPaused', note: 'status: deferred in features.yaml' };
    const label = feature.labels.find((name) => pausedLabels.has(name.toLowerCase()));
    return label === undefined ? undefined : { kind: 'manuallyPaused', note: `labelled ${label}` };
  }

  private prerequisiteProblem(i: number): Deferral | undefined {
    const unknown = this.unknownDeps[i]![0];
    if (unknown !== undefined) return { kind: 'missingPrerequisite', prerequisite: unknown, unknown: true };
    for (const dep of this.deps[i]!) {
      const id = this.features[dep]!.id;
      const blocked = this.input.blocked?.[id];
      if (blocked !== undefined && this.features[dep]!.status !== 'completed') {
        return { kind: 'blockedByTrace', prerequisite: id, sprintId: blocked.sprintId, ...(blocked.traceId === undefined ? {} : { traceId: blocked.traceId }) };
      }
      if (this.deferred.has(dep)) return { kind: 'missingPrerequisite', prerequisite: id };
    }
    return undefined;
  }

  /** A feature bigger than any sprint, or needing a role no agent answers to. */
  private capacityProblem(i: number): Deferral | undefined {
    if (this.served !== undefined) {
      const missing = this.features[i]!.agentRoles.find((role) => !this.served!.has(roleKey(role)));
      if (missing !== undefined) return { kind: 'outOfCapacity', role: missing, needed: this.effort[i]!, capacity: 0 };
    }
    return new SprintLoad(this.limits).misfit(this.effort[i]!, this.roles[i]!);
  }

  private defer(i: number, deferral: Deferral, deferredTo?: string): void {
    this.deferred.set(i, { featureId: this.features[i]!.id, deferral, reason: describeDeferral(deferral), ...(deferredTo === undefined ? {} : { deferredTo }) });
  }

  /** Each placeable candidate's milestone: the earliest of its own and its dependents' (pulled forward). */
  private assignGroups(order: { sorted: number[] }): void {
    const milestoneAt = new Map(this.input.milestones.map((milestone, i) => [milestone.id, i]));
    this.input.milestones.forEach((milestone, m) => {
      for (const id of milestone.requiredFeatures) {
        const i = this.index.get(id);
        if (i !== undefined && this.candidate[i] === 1) this.group[i] = Math.min(this.group[i]!, m);
      }
    });
    for (const i of order.sorted) {
      const requiredBy = this.features[i]!.requiredBy;
      const m = requiredBy === undefined ? undefined : milestoneAt.get(requiredBy);
      if (m !== undefined) this.group[i] = Math.min(this.group[i]!, m);
    }
    const own = [...this.group];
    for (let k = order.sorted.length - 1; k >= 0; k--) {
      const i = order.sorted[k]!;
      if (this.deferred.has(i)) continue;
      let neededBy: number | undefined;
      for (const dependent of this.dependents[i]!) {
        if (this.deferred.has(dependent) || this.group[dependent]! >= this.group[i]!) continue;
        this.group[i] = this.group[dependent]!;
        neededBy = dependent;
      }
      if (neededBy !== undefined) {
        const from = this.input.milestones[own[i]!]?.id;
        this.pulledForward.push({ featureId: this.features[i]!.id, ...(from === undefined ? {} : { from }), to: this.input.milestones[this.group[i]!]!.id, neededBy: this.features[neededBy]!.id });
      }
    }
    this.pulledForward.sort((a, b) => this.index.get(a.featureId)! - this.index.get(b.featureId)!);
  }

  /** The previous plan's sprints of this group, less features that can no longer stay (gone, deferred, moved, unmet order, no room). */
  private keepPrevious(group: number): PlannedSprint[] {
    const milestone = this.input.milestones[group]?.id;
    const kept: PlannedSprint[] = [];
    for (const previous of this.input.previous ?? []) {
      if (previous.milestone !== milestone) continue;
      const stay = new Set<number>();
      for (const id of previous.features) {
        const i = this.index.get(id);
        if (i !== undefined && this.candidate[i] === 1 && !this.deferred.has(i) && this.placed[i] === 0 && this.group[i] === group) stay.add(i);
      }
      for (let changed = true; changed; ) {
        changed = false;
        for (const i of stay) {
          if (this.deps[i]!.every((dep) => this.candidate[dep] === 0 || this.placed[dep] === 1 || stay.has(dep))) continue;
          stay.delete(i);
          changed = true;
        }
      }
      const sprint = new PlannedSprint(previous.id, milestone, this.limits);
      for (const i of stay) {
        if (!sprint.load.fits(this.effort[i]!, this.roles[i]!)) continue;
        sprint.add(i, this.effort[i]!, this.roles[i]!);
        this.placed[i] = 1;
      }
      if (sprint.features.length > 0) kept.push(sprint);
    }
    return kept;
  }

  /** The group's features still to place: its own not kept, and what the group before rolled forward. */
  private poolOf(group: number, rolled: readonly number[]): number[] {
    const pool: number[] = [];
    for (let i = 0; i < this.features.length; i++) {
      if (this.candidate[i] === 1 && this.group[i] === group && this.placed[i] === 0 && !this.deferred.has(i)) pool.push(i);
    }
    for (const i of rolled) {
      this.group[i] = group;
      if (this.placed[i] === 0) pool.push(i);
    }
    return pool;
  }

  /**
   * Places the pool in new sprints: prerequisites first, then priority, then file order, each into
   * the first of the next few sprints with room at or after its prerequisites' sprints. Overflow past
   * `sprintsPerMilestone` is deferred and rolled into `rolled` for the next milestone.
   */
  private pack(group: number, keptCount: number, pool: readonly number[], rolled: number[]): PlannedSprint[] {
    const milestone = this.input.milestones[group];
    // Per feature: 1 in the pool, 2 rolled forward from here; and prerequisites still to place (-1: not in the pool).
    const mark = new Uint8Array(this.features.length);
    const waiting = new Int32Array(this.features.length).fill(-1);
    for (const i of pool) mark[i] = 1;
    const rank = this.rank;
    const queue = new PriorityQueue((a, b) => (rank[a] === rank[b] ? a < b : rank[a]! < rank[b]!));
    for (const i of pool) {
      let count = 0;
      for (const dep of this.deps[i]!) if (mark[dep] === 1) count++;
      waiting[i] = count;
      if (count === 0) queue.push(i);
    }
    const sprints: PlannedSprint[] = [];
    const limit = this.input.capacity.sprintsPerMilestone ?? Number.POSITIVE_INFINITY;
    let firstOpen = 0;
    for (let i = queue.pop(); i !== undefined; i = queue.pop()) {
      // A prerequisite rolled forward here, or deferred for good in an earlier milestone.
      const blocker = this.deps[i]!.find((dep) => mark[dep] === 2 || (mark[dep] === 0 && this.candidate[dep] === 1 && this.placed[dep] === 0));
      if (blocker !== undefined) {
        this.rollForward(i, { kind: 'missingPrerequisite', prerequisite: this.features[blocker]!.id }, group, rolled, mark);
      } else {
        let from = Math.max(firstOpen, sprints.length - lookahead);
        for (const dep of this.deps[i]!) if (mark[dep] === 1 && this.slot[dep]! > from) from = this.slot[dep]!;
        let at = -1;
        for (let s = from; s < sprints.length && at < 0; s++) if (sprints[s]!.load.fits(this.effort[i]!, this.roles[i]!)) at = s;
        if (at < 0 && keptCount + sprints.length < limit) {
          at = sprints.push(new PlannedSprint(`sprint-${this.nextSprintNumber++}`, milestone?.id, this.limits)) - 1;
        }
        const target = at < 0 ? undefined : sprints[at]!;
        if (target === undefined) {
          const last = sprints.at(-1);
          const misfit = last?.load.misfit(this.effort[i]!, this.roles[i]!) ?? { kind: 'outOfCapacity' as const, needed: this.effort[i]!, capacity: 0 };
          this.rollForward(i, misfit, group, rolled, mark);
        } else {
          target.add(i, this.effort[i]!, this.roles[i]!);
          this.placed[i] = 1;
          this.slot[i] = at;
          const entry = this.deferred.get(i);
          if (entry !== undefined) entry.deferredTo = target.id;
          while (firstOpen < sprints.length && sprints[firstOpen]!.load.isFull()) firstOpen++;
        }
      }
      for (const next of this.dependents[i]!) if (waiting[next]! > 0 && --waiting[next]! === 0) queue.push(next);
    }
    return sprints;
  }

  private rollForward(i: number, deferral: Deferral, group: number, rolled: number[], mark: Uint8Array): void {
    mark[i] = 2;
    const next = this.input.milestones[group + 1];
    if (next !== undefined) rolled.push(i);
    this.defer(i, this.deferred.get(i)?.deferral ?? deferral, next?.id);
  }

  /** Required features deferred out of a milestone that does not allow deferred scope. */
  private risks(sprints: readonly ProposedSprint[]): MilestoneRisk[] {
    const milestoneOfSprint = new Map<string, string | undefined>(sprints.map((sprint) => [sprint.id, sprint.milestone]));
    const order = new Map(this.input.milestones.map((milestone, i) => [milestone.id, i]));
    const risks: MilestoneRisk[] = [];
    for (const milestone of this.input.milestones) {
      if (milestone.allowsDeferred) continue;
      const required = new Set([...milestone.requiredFeatures, ...this.features.filter((feature) => feature.requiredBy === milestone.id).map((feature) => feature.id)]);
      for (const id of required) {
        const i = this.index.get(id);
        const entry = i === undefined ? undefined : this.deferred.get(i);
        if (entry === undefined) continue;
        const landed = entry.deferredTo === undefined ? undefined : milestoneOfSprint.get(entry.deferredTo);
        const landedAt = landed === undefined ? undefined : order.get(landed);
        if (landedAt !== undefined && landedAt <= order.get(milestone.id)!) continue;
        risks.push({ milestoneId: milestone.id, featureId: id, reason: `${id} is deferred (${entry.reason}) and ${milestone.id} does not allow deferred scope` });
      }
    }
    return risks;
  }
}

/** A sprint being filled. */
class PlannedSprint {
  readonly features: number[] = [];
  readonly load: SprintLoad;

  constructor(
    readonly id: string,
    readonly milestone: string | undefined,
    limits: CapacityLimits,
  ) {
    this.load = new SprintLoad(limits);
  }

  add(i: number, effort: number, roles: readonly string[]): void {
    this.features.push(i);
    this.load.add(effort, roles);
  }

  toProposed(features: readonly Feature[], kept: boolean): ProposedSprint {
    const agents: string[] = [];
    const seen = new Set<string>();
    for (const i of this.features) {
      for (const role of features[i]!.agentRoles) {
        const key = roleKey(role);
        if (seen.has(key)) continue;
        seen.add(key);
        agents.push(role);
      }
    }
    return {
      id: this.id,
      ...(this.milestone === undefined ? {} : { milestone: this.milestone }),
      features: this.features.map((i) => features[i]!.id),
      agents,
      effort: this.load.effort,
      kept,
    };
  }
}

/** Role names as `roleKey`s without repeats; `keys` remembers the names seen. */
function roleKeysOf(roles: readonly string[], keys: Map<string, string>): string[] {
  const out: string[] = [];
  for (const role of roles) {
    let key = keys.get(role);
    if (key === undefined) keys.set(role, (key = roleKey(role)));
    if (!out.includes(key)) out.push(key);
  }
  return out;
}

/** The number a sprint id ends with (`sprint-12` → 12), or 0. */
function sprintNumber(id: string): number {
  const match = /(\d+)$/.exec(id);
  return match === null ? 0 : Math.min(Number(match[1]), 1e9);
}
