import { EventType } from '../events/event-type.js';

/** Why an agent may not report an event type: who records it instead. */
export const ReservedFor = {
  /** Recorded from the planning files by `kairos plan` (a planner proposes `sprint-plan.yaml`; a person adopts it). */
  Plan: 'plan',
  /** Decided by the orchestrator from the log (transitions, gates, milestones, triggers, releases). */
  Orchestrator: 'orchestrator',
  /** A person's control or governance decision (`kairos pause|resume|rewind|abort|retry|defer|approve|reject`, `kairos emit`). */
  Person: 'person',
  /** Recorded by the runtime around every execution. */
  Runtime: 'runtime',
} as const;
export type ReservedFor = (typeof ReservedFor)[keyof typeof ReservedFor];

/**
 * The catalog's event types an agent may not report, each with who records it instead. Every
 * other catalog type is an agent's to report: readiness signals (SprintTestPlanReady,
 * SprintInfraReady, SprintScopeApproved, GateConditionsSatisfied, SprintQAReady,
 * SprintReadinessChecked), work and evidence (ArtifactProduced, ArtifactReady, FeatureStatusChanged,
 * PatchEmitted, PullRequestCreated, PullRequestMerged, TestCasesGenerated, TestRunCompleted,
 * TestsPassed, CoverageReported, ValidationPassed, BlueprintValidated) and security findings
 * (SecurityAuditCompleted, SecurityPolicyViolation, SecurityPolicyPublished).
 */
export const reservedEventTypes: Readonly<Partial<Record<EventType, ReservedFor>>> = {
  [EventType.StateMachineDefined]: ReservedFor.Plan,
  [EventType.MilestonePlanCreated]: ReservedFor.Plan,
  [EventType.FeatureScopeDefined]: ReservedFor.Plan,
  [EventType.SprintPlanned]: ReservedFor.Plan,
  [EventType.VisionUpdated]: ReservedFor.Plan,
  [EventType.PlanningResumed]: ReservedFor.Plan,
  [EventType.SprintReadyToStart]: ReservedFor.Orchestrator,
  [EventType.SprintStarted]: ReservedFor.Orchestrator,
  [EventType.SprintCheckpoint]: ReservedFor.Orchestrator,
  [EventType.SprintOutputsReady]: ReservedFor.Orchestrator,
  [EventType.SprintClosed]: ReservedFor.Orchestrator,
  [EventType.AllTraceChecksPassed]: ReservedFor.Orchestrator,
  [EventType.GateEvaluated]: ReservedFor.Orchestrator,
  [EventType.GateFailed]: ReservedFor.Orchestrator,
  [EventType.RetryPhaseEntered]: ReservedFor.Orchestrator,
  [EventType.MilestoneStarted]: ReservedFor.Orchestrator,
  [EventType.MilestoneReady]: ReservedFor.Orchestrator,
  [EventType.MilestoneBlocked]: ReservedFor.Orchestrator,
  [EventType.MilestoneCompleted]: ReservedFor.Orchestrator,
  [EventType.MilestoneReached]: ReservedFor.Orchestrator,
  [EventType.TriggerFired]: ReservedFor.Orchestrator,
  [EventType.ReleaseTriggered]: ReservedFor.Orchestrator,
  [EventType.PipelineStarted]: ReservedFor.Orchestrator,
  [EventType.PipelineFailed]: ReservedFor.Orchestrator,
  [EventType.VersionTagged]: ReservedFor.Orchestrator,
  [EventType.FeatureDeferred]: ReservedFor.Orchestrator,
  [EventType.ApprovalRequested]: ReservedFor.Orchestrator,
  [EventType.SprintPaused]: ReservedFor.Person,
  [EventType.SprintResumed]: ReservedFor.Person,
  [EventType.SprintRewound]: ReservedFor.Person,
  [EventType.SprintAborted]: ReservedFor.Person,
  [EventType.RetryRequested]: ReservedFor.Person,
  [EventType.ManualApproval]: ReservedFor.Person,
  [EventType.ApprovalGranted]: ReservedFor.Person,
  [EventType.ApprovalRejected]: ReservedFor.Person,
  [EventType.OverrideApplied]: ReservedFor.Person,
  [EventType.AgentExecutionStarted]: ReservedFor.Runtime,
  [EventType.AgentExecutionCompleted]: ReservedFor.Runtime,
  [EventType.AgentSkillFailed]: ReservedFor.Runtime,
  [EventType.AgentScopeViolation]: ReservedFor.Runtime,
};

/** Who records `type` instead of an agent, when an agent may not report it. */
export function reservedFor(type: string): ReservedFor | undefined {
  return Object.hasOwn(reservedEventTypes, type) ? reservedEventTypes[type as EventType] : undefined;
}
