/** Every kind of file Kairos validates: planning files people write, and artifacts agents produce. */
export const ArtifactKind = {
  Milestones: 'milestones',
  Sprints: 'sprints',
  Features: 'features',
  Agents: 'agents',
  FactoryGovernance: 'factory-governance',
  StateMachine: 'state-machine',
  Pipeline: 'pipeline',
  SecurityPolicy: 'security-policy',
  Event: 'event',
  ExecutionMetadata: 'execution-metadata',
  SprintTraceMatrix: 'sprint-trace-matrix',
  SecurityAudit: 'security-audit',
  FsmContext: 'fsm-context',
  FeatureTestLink: 'feature-test-link',
} as const;
export type ArtifactKind = (typeof ArtifactKind)[keyof typeof ArtifactKind];

/** All kinds, planning files first. */
export const artifactKinds: readonly ArtifactKind[] = Object.values(ArtifactKind);

/** Is `name` a kind? */
export function isArtifactKind(name: string): name is ArtifactKind {
  return (artifactKinds as readonly string[]).includes(name);
}
