import type { EventScope, JsonObject, JsonValue } from '../events/envelope.js';
import { EventType } from '../events/event-type.js';
import { featureStream, milestoneStream, planningStream, sprintStream } from '../events/stream-id.js';
import type { StateMachineDefinition } from '../fsm/state-machine-definition.js';
import type { GateRef } from '../gates/gate-catalog.js';
import type { Feature } from '../planning/feature.js';
import type { Milestone } from '../planning/milestone.js';
import type { Sprint } from '../planning/sprint.js';

/** The parts of a workspace that make up its declared plan. */
export interface DeclaredPlan {
  /** The state machines sprints and milestones run (the workspace's replacements, else the defaults). */
  machines?: readonly StateMachineDefinition[];
  milestones: readonly Milestone[];
  features: readonly Feature[];
  sprints: readonly Sprint[];
  /** Sprints the planner proposed (`sprint-plan.yaml`): recorded with `proposed: true`. */
  proposedSprints?: readonly Sprint[];
  /** `planning/vision.md`, by content hash: a new version resumes planning. */
  visionVersion?: { path: string; sha256: string };
}

/** An event still to be stamped with an id, a trace and a calendar label by the shell. */
export interface EventDraft {
  streamId: string;
  type: EventType;
  scope: EventScope;
  data: JsonObject;
  /**
   * The event types in its stream whose latest one tells whether the draft is already recorded
   * (that latest one has its type and data). Default: the draft's own type.
   */
  supersedes?: readonly EventType[];
  /** Set for a draft that only undoes an event: it is needed only while the latest of `supersedes` is of this type. */
  clears?: EventType;
}

/**
 * The events that record a declared plan: `StateMachineDefined` per machine (so every sprint and
 * milestone runs on a version the log holds), `MilestonePlanCreated` per milestone,
 * `FeatureScopeDefined` per feature and `SprintPlanned` per sprint (with the spec's payload:
 * sprintId, milestone, features, agents; `proposed: true` for the planner's), in file order, and
 * `VisionUpdated` for the vision's content hash.
 */
export function declaredPlanEvents(plan: DeclaredPlan): EventDraft[] {
  return [
    ...(plan.machines ?? []).map(machineDraft),
    ...plan.milestones.map(milestoneDraft),
    ...plan.features.map(featureDraft),
    ...plan.sprints.map((sprint) => sprintDraft(sprint, false)),
    ...(plan.proposedSprints ?? []).map((sprint) => sprintDraft(sprint, true)),
    ...(plan.visionVersion === undefined ? [] : [visionDraft(plan.visionVersion)]),
  ];
}

function machineDraft(machine: StateMachineDefinition): EventDraft {
  return {
    streamId: planningStream,
    type: EventType.StateMachineDefined,
    scope: {},
    data: { machine: machine.id, version: machine.version, definition: machine as unknown as JsonObject },
  };
}

function milestoneDraft(milestone: Milestone): EventDraft {
  return {
    streamId: milestoneStream(milestone.id),
    type: EventType.MilestonePlanCreated,
    scope: { milestoneId: milestone.id },
    data: jsonObject({
      milestoneId: milestone.id,
      name: milestone.name,
      phase: milestone.phase,
      requiredFeatures: milestone.requiredFeatures,
      requiredArtifacts: milestone.requiredArtifacts,
      gateConditions: milestone.gates.map(writtenGate),
      versionTag: milestone.versionTag,
      owner: milestone.owner,
      allowsDeferred: milestone.allowsDeferred,
      triggers: milestone.triggers.map((trigger) => jsonObject({ event: trigger.event, next: trigger.next, condition: trigger.condition === undefined ? undefined : writtenGate(trigger.condition) })),
    }),
  };
}

function featureDraft(feature: Feature): EventDraft {
  return {
    streamId: featureStream(feature.id),
    type: EventType.FeatureScopeDefined,
    scope: feature.module === undefined ? { featureId: feature.id } : { featureId: feature.id, moduleId: feature.module },
    data: jsonObject({
      featureId: feature.id,
      title: feature.title,
      priority: feature.priority,
      requiredBy: feature.requiredBy,
      dependsOn: feature.dependsOn,
      estimatedEffort: feature.estimatedEffort,
      agentRoles: feature.agentRoles,
      status: feature.status,
      module: feature.module,
    }),
  };
}

function visionDraft(vision: { path: string; sha256: string }): EventDraft {
  return { streamId: planningStream, type: EventType.VisionUpdated, scope: {}, data: { path: vision.path, sha256: vision.sha256 } };
}

function sprintDraft(sprint: Sprint, proposed: boolean): EventDraft {
  const scope: EventScope = { sprintId: sprint.id };
  if (sprint.milestone !== undefined) scope.milestoneId = sprint.milestone;
  if (sprint.module !== undefined) scope.moduleId = sprint.module;
  return {
    streamId: sprintStream(sprint.id),
    type: EventType.SprintPlanned,
    scope,
    data: jsonObject({
      sprintId: sprint.id,
      name: sprint.name,
      goal: sprint.goal,
      milestone: sprint.milestone,
      features: sprint.features,
      agents: sprint.agents,
      gates: sprint.gates.map(writtenGate),
      approvalRequired: sprint.approvalRequired,
      concurrencyPolicy: sprint.concurrencyPolicy,
      proposed: proposed ? true : undefined,
    }),
  };
}

/** A gate as a planning file writes it: its name, or a one-key map with its parameter. */
function writtenGate(gate: GateRef): JsonValue {
  // `testCoverageAbove90` carries its parameter in its name.
  if (gate.param === undefined || (gate.written !== gate.gate && /\d$/.test(gate.written))) return gate.written;
  return { [gate.written]: gate.param };
}

/** Drops `undefined` members so the result is JSON-safe. */
function jsonObject(members: Record<string, JsonValue | undefined>): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(members)) if (value !== undefined) out[key] = value;
  return out;
}
