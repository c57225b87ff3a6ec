import type { Capacity, Feature, Milestone, Priority } from '../planning/index.js';
import type { Deferral } from './deferral.js';

/** A sprint's scope as the planner sees it: which milestone, which features, in order. */
export interface SprintScope {
  id: string;
  milestone?: string;
  features: readonly string[];
}

/** What a person decided about a feature; it outlives every re-plan. */
export interface FeatureDecision {
  /** A manual priority, used instead of the backlog's. */
  priority?: Priority;
  /** Paused by a person (`kairos defer`, a `manual-defer` or `human-blocked` label). */
  paused?: { by?: string; note?: string };
}

/** A feature blocked at run time, waiting for a person, in a sprint under way. */
export interface BlockedFeature {
  sprintId: string;
  traceId?: string;
}

/** Everything a plan depends on: the same input always gives the same plan. */
export interface PlannerInput {
  /** The backlog in file order (the last tie-break). */
  features: readonly Feature[];
  /** Milestones in delivery order. */
  milestones: readonly Milestone[];
  capacity: Capacity;
  /** Sprints the planner does not touch: written by people, or already under way. Their features count as placed. */
  fixedSprints?: readonly SprintScope[];
  /** The last plan's proposed sprints not yet under way: kept as they were, less what can no longer stay. */
  previous?: readonly SprintScope[];
  /** Sprint ids already used anywhere (the log), so a new sprint never takes an old id. */
  usedSprintIds?: readonly string[];
  decisions?: Readonly<Record<string, FeatureDecision>>;
  blocked?: Readonly<Record<string, BlockedFeature>>;
  /** Roles some agent answers to; a feature needing another role cannot be placed. Absent: not checked. */
  roles?: readonly string[];
}

/** A sprint the planner proposes. */
export interface ProposedSprint extends SprintScope {
  milestone?: string;
  features: string[];
  /** The agent roles its features need, in first-use order. */
  agents: string[];
  effort: number;
  /** True when the sprint comes from the previous plan. */
  kept: boolean;
}

/** A feature the planner could not place where it belongs, with why and where it went. */
export interface DeferredFeature {
  featureId: string;
  deferral: Deferral;
  /** `describeDeferral(deferral)`. */
  reason: string;
  /** Where it rolls forward to: the sprint that took it, or the milestone whose planning it joins. */
  deferredTo?: string;
}

/** A milestone that does not allow deferred scope, with a required feature deferred out of it. */
export interface MilestoneRisk {
  milestoneId: string;
  featureId: string;
  reason: string;
}

/** A feature planned before the milestone it names, because an earlier milestone's feature needs it. */
export interface PulledForward {
  featureId: string;
  from?: string;
  to: string;
  neededBy: string;
}

export interface BacklogPlan {
  sprints: ProposedSprint[];
  deferred: DeferredFeature[];
  atRisk: MilestoneRisk[];
  pulledForward: PulledForward[];
}
