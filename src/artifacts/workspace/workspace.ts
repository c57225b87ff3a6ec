import type { StateMachineDefinition } from '../../domain/fsm/state-machine-definition.js';
import type { Agent } from '../../domain/planning/agent.js';
import type { Feature } from '../../domain/planning/feature.js';
import type { Governance } from '../../domain/planning/governance.js';
import type { Milestone } from '../../domain/planning/milestone.js';
import type { Sprint } from '../../domain/planning/sprint.js';

/** A workspace's planning files, validated and normalised. */
export interface Workspace {
  /** The workspace folder. */
  root: string;
  /** Milestones in delivery order (file order). */
  milestones: Milestone[];
  features: Feature[];
  /** Sprints people wrote (`sprints.yaml`). */
  sprints: Sprint[];
  /** Sprints the planner proposed (`sprint-plan.yaml`), adopted on approval. */
  proposedSprints: Sprint[];
  agents: Agent[];
  /** From `factory-governance.yaml`, else the defaults (assisted). */
  governance: Governance;
  /** Replacements of the default state machines (`planning/fsm/*.yaml`). */
  stateMachines: StateMachineDefinition[];
  /** The planning files read, for change detection. */
  files: string[];
  /** `planning/vision.md`, when present. */
  vision?: string;
}
