import type { CompiledMachine } from '../fsm/compiled-machine.js';
import type { Agent } from '../planning/agent.js';
import type { PlanningMode } from '../planning/governance.js';

/** What the orchestrator needs from the workspace besides the log. */
export interface OrchestratorConfig {
  /**
   * The machines new sprints and milestones start on when the log records none
   * (`StateMachineDefined` events, written by `kairos plan`, take precedence).
   */
  sprintMachine: CompiledMachine;
  milestoneMachine: CompiledMachine;
  /** The agent registry: a role activated by a machine runs the first agent answering to it. */
  agents: readonly Agent[];
  /** `assisted`: a sprint the planner proposed waits in Ready for an approval. */
  planningMode: PlanningMode;
  /** A SprintCheckpoint after every this many completed features; 0: once, at the midpoint. */
  checkpointEvery: number;
  /** How many GateFailed a sprint may take before its RetryPhase waits for a person. */
  maxGateRetries: number;
  /** Users who may approve a sprint (factory-governance.yaml), for what `kairos status` says; none known when absent. */
  approvers?: readonly string[];
  /** Milestones under a deployment freeze: once their gates pass they wait for a person's approval before they complete. */
  deploymentFreeze?: readonly string[];
}

/** Defaults for the tunable parts of the config. */
export const orchestratorDefaults = { planningMode: 'assisted', checkpointEvery: 0, maxGateRetries: 2 } as const;
