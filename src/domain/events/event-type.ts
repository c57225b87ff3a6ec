/**
 * The event catalog: every event type Kairos knows (DESIGN.md section 4). The `type` string of an
 * event equals its name here. Unknown types are refused at the edges.
 */
export const EventType = {
  SprintPlanned: 'SprintPlanned',
  SprintScopeApproved: 'SprintScopeApproved',
  SprintTestPlanReady: 'SprintTestPlanReady',
  SprintInfraReady: 'SprintInfraReady',
  SprintReadyToStart: 'SprintReadyToStart',
  SprintStarted: 'SprintStarted',
  SprintCheckpoint: 'SprintCheckpoint',
  SprintOutputsReady: 'SprintOutputsReady',
  SprintPaused: 'SprintPaused',
  SprintResumed: 'SprintResumed',
  SprintRewound: 'SprintRewound',
  SprintAborted: 'SprintAborted',
  SprintClosed: 'SprintClosed',
  GateEvaluated: 'GateEvaluated',
  GateFailed: 'GateFailed',
  GateConditionsSatisfied: 'GateConditionsSatisfied',
  AllTraceChecksPassed: 'AllTraceChecksPassed',
  RetryPhaseEntered: 'RetryPhaseEntered',
  PatchEmitted: 'PatchEmitted',
  ManualApproval: 'ManualApproval',
  MilestoneStarted: 'MilestoneStarted',
  MilestoneReady: 'MilestoneReady',
  MilestoneBlocked: 'MilestoneBlocked',
  MilestoneCompleted: 'MilestoneCompleted',
  MilestoneReached: 'MilestoneReached',
  MilestonePlanCreated: 'MilestonePlanCreated',
  FeatureScopeDefined: 'FeatureScopeDefined',
  FeatureDeferred: 'FeatureDeferred',
  FeatureStatusChanged: 'FeatureStatusChanged',
  PlanningResumed: 'PlanningResumed',
  AgentExecutionStarted: 'AgentExecutionStarted',
  AgentExecutionCompleted: 'AgentExecutionCompleted',
  AgentSkillFailed: 'AgentSkillFailed',
  AgentScopeViolation: 'AgentScopeViolation',
  ArtifactProduced: 'ArtifactProduced',
  ArtifactReady: 'ArtifactReady',
  PullRequestCreated: 'PullRequestCreated',
  PullRequestMerged: 'PullRequestMerged',
  TestCasesGenerated: 'TestCasesGenerated',
  TestRunCompleted: 'TestRunCompleted',
  TestsPassed: 'TestsPassed',
  CoverageReported: 'CoverageReported',
  ValidationPassed: 'ValidationPassed',
  BlueprintValidated: 'BlueprintValidated',
  SprintQAReady: 'SprintQAReady',
  SprintReadinessChecked: 'SprintReadinessChecked',
  SecurityAuditCompleted: 'SecurityAuditCompleted',
  SecurityPolicyViolation: 'SecurityPolicyViolation',
  SecurityPolicyPublished: 'SecurityPolicyPublished',
  ApprovalRequested: 'ApprovalRequested',
  ApprovalGranted: 'ApprovalGranted',
  ApprovalRejected: 'ApprovalRejected',
  OverrideApplied: 'OverrideApplied',
  ReleaseTriggered: 'ReleaseTriggered',
  PipelineStarted: 'PipelineStarted',
  PipelineFailed: 'PipelineFailed',
  VersionTagged: 'VersionTagged',
  VisionUpdated: 'VisionUpdated',
  StateMachineDefined: 'StateMachineDefined',
  TriggerFired: 'TriggerFired',
  RetryRequested: 'RetryRequested',
} as const;
export type EventType = (typeof EventType)[keyof typeof EventType];

const eventTypes: ReadonlySet<string> = new Set(Object.values(EventType));

/** All catalog names, in declaration order. */
export const eventTypeNames: readonly EventType[] = Object.values(EventType);

/** Is `name` an event type of the catalog? */
export function isEventType(name: string): name is EventType {
  return eventTypes.has(name);
}
