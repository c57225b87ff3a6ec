/** Who plans (spec: Governance Modes). */
export const PlanningMode = { Autonomous: 'autonomous', Assisted: 'assisted', ManualOnly: 'manual-only' } as const;
export type PlanningMode = (typeof PlanningMode)[keyof typeof PlanningMode];

/** A person (or an agent acting for one) and the roles they hold. */
export interface GovernanceUser {
  id: string;
  name?: string;
  roles: string[];
}

/** Planning limits: total effort per sprint and effort per agent role per sprint. */
export interface Capacity {
  sprintEffort?: number;
  roleEffort: Record<string, number>;
  /** Most sprints the planner proposes per milestone; the rest rolls forward. Absent: no limit. */
  sprintsPerMilestone?: number;
}

/** `factory-governance.yaml`, normalised. */
export interface Governance {
  planningMode: PlanningMode;
  /** Roles whose approval adopts a plan or starts a sprint in assisted mode. */
  approvalRoles: string[];
  users: GovernanceUser[];
  capacity: Capacity;
  /** Milestones whose transitions wait for a manual approval. */
  deploymentFreeze: string[];
  /** A SprintCheckpoint after every this many completed features; absent or 0: once, at the midpoint. */
  checkpointEvery?: number;
  /** How many GateFailed a sprint takes before its RetryPhase waits for a person; default 2. */
  maxGateRetries?: number;
}

/** The governance of a workspace without `factory-governance.yaml`: assisted, the spec's default. */
export const defaultGovernance: Governance = {
  planningMode: 'assisted',
  approvalRoles: [],
  users: [],
  capacity: { roleEffort: {} },
  deploymentFreeze: [],
};
