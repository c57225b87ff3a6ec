import type { Milestone } from '../planning/milestone.js';
import type { Sprint } from '../planning/sprint.js';
import { isOwnedByBatch, ownedByBatch } from './read-json.js';

/** What evidence is collected for: one sprint, or one milestone (its sprints and its own events). */
export const ScopeKind = { Sprint: 'sprint', Milestone: 'milestone' } as const;
export type ScopeKind = (typeof ScopeKind)[keyof typeof ScopeKind];

/** The definition of a scope, as the planning files give it. JSON-safe. */
export interface EvidenceScope {
  kind: ScopeKind;
  /** The sprint id or the milestone id. */
  id: string;
  /** Feature ids in scope, in planning order. */
  features: string[];
  /** Sprints whose events count: the sprint itself, or the milestone's sprints. */
  sprints: string[];
  /** The milestone's `parallelStreams`; none for a sprint. */
  parallelStreams: string[];
  /**
   * May a deferred feature drop out of what the gates require? Always for a sprint (deferred work
   * rolls forward to the next sprint); for a milestone, its `allowsDeferred`/`deferredAllowed`.
   */
  allowsDeferred: boolean;
}

/** The scope of one sprint: its features, and itself as its only sprint. */
export function sprintEvidenceScope(sprint: Pick<Sprint, 'id' | 'features'>): EvidenceScope {
  return {
    kind: ScopeKind.Sprint,
    id: sprint.id,
    features: unique(sprint.features),
    sprints: [sprint.id],
    parallelStreams: [],
    allowsDeferred: true,
  };
}

/**
 * The scope of one milestone: its required features plus the features of its sprints (the sprints
 * whose `milestone` is this milestone's id), its sprints and its parallel streams.
 *
 * @example milestoneEvidenceScope(mvpCore, workspace.sprints)
 */
export function milestoneEvidenceScope(
  milestone: Pick<Milestone, 'id' | 'requiredFeatures' | 'parallelStreams' | 'allowsDeferred'>,
  sprints: readonly Pick<Sprint, 'id' | 'milestone' | 'features'>[],
): EvidenceScope {
  const own = sprints.filter((sprint) => sprint.milestone === milestone.id);
  return {
    kind: ScopeKind.Milestone,
    id: milestone.id,
    features: unique([...milestone.requiredFeatures, ...own.flatMap((sprint) => sprint.features)]),
    sprints: unique(own.map((sprint) => sprint.id)),
    parallelStreams: unique(milestone.parallelStreams),
    allowsDeferred: milestone.allowsDeferred,
  };
}

const featureSets = new WeakMap<EvidenceScope, ReadonlySet<string>>();

/** Is `featureId` in the scope's definition? (A set per scope value, so lookups stay constant-time.) */
export function isInScopeFeature(scope: EvidenceScope, featureId: string): boolean {
  let features = featureSets.get(scope);
  if (features === undefined) {
    features = new Set(scope.features);
    featureSets.set(scope, features);
  }
  return features.has(featureId);
}

const sprintSets = new WeakMap<EvidenceScope, ReadonlySet<string>>();

/** Is `sprintId` one of the scope's sprints? */
export function isInScopeSprint(scope: EvidenceScope, sprintId: string): boolean {
  let sprints = sprintSets.get(scope);
  if (sprints === undefined) {
    sprints = new Set(scope.sprints);
    sprintSets.set(scope, sprints);
  }
  return sprints.has(sprintId);
}

/**
 * The scope with `sprintIds` and `featureIds` appended (the caller leaves out those already in it).
 * A scope made in the running fold batch is widened in place, its membership sets with it, so a
 * milestone that gains its sprints one by one costs what they add, not what it holds.
 */
export function widenScope(scope: EvidenceScope, sprintIds: readonly string[], featureIds: readonly string[]): EvidenceScope {
  let next = scope;
  if (!isOwnedByBatch(scope)) {
    next = ownedByBatch({ ...scope, features: [...scope.features], sprints: [...scope.sprints], parallelStreams: [...scope.parallelStreams] });
    const features = featureSets.get(scope);
    if (features !== undefined) featureSets.set(next, new Set(features));
    const sprints = sprintSets.get(scope);
    if (sprints !== undefined) sprintSets.set(next, new Set(sprints));
  }
  for (const id of sprintIds) {
    next.sprints.push(id);
    (sprintSets.get(next) as Set<string> | undefined)?.add(id);
  }
  for (const id of featureIds) {
    next.features.push(id);
    (featureSets.get(next) as Set<string> | undefined)?.add(id);
  }
  return next;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
