import type { ArtifactKind } from '../artifact-kind.js';

/** The files of `planning/` Kairos reads, by name, in the order they are reported. */
export const planningFileKinds: Readonly<Record<string, ArtifactKind>> = {
  'milestones.yaml': 'milestones',
  'features.yaml': 'features',
  'sprints.yaml': 'sprints',
  'sprint-plan.yaml': 'sprints',
  'agents.yaml': 'agents',
  'factory-governance.yaml': 'factory-governance',
  'pipeline.yaml': 'pipeline',
  'security-policy.yaml': 'security-policy',
};

/** The folder below `planning/` holding state machine files. */
export const stateMachineFolder = 'fsm';

/** The vision document, read by nobody here but watched for changes. */
export const visionFile = 'vision.md';
