import type { z } from 'zod';
import { agentsFileSchema } from '../agents/agents-schema.js';
import type { ArtifactKind } from '../artifact-kind.js';
import { featuresFileSchema } from '../features/features-schema.js';
import { factoryGovernanceFileSchema } from '../governance/factory-governance-schema.js';
import { milestonesFileSchema } from '../milestones/milestones-schema.js';
import { pipelineFileSchema } from '../pipeline/pipeline-schema.js';
import { eventFileSchema } from '../records/event-record-schema.js';
import { executionMetadataSchema } from '../records/execution-metadata-schema.js';
import { featureTestLinkFileSchema } from '../records/feature-test-link-schema.js';
import { fsmContextSchema } from '../records/fsm-context-schema.js';
import { securityAuditSchema } from '../records/security-audit-schema.js';
import { sprintTraceMatrixSchema } from '../records/sprint-trace-matrix-schema.js';
import { securityPolicyFileSchema } from '../security-policy/security-policy-schema.js';
import { sprintsFileSchema } from '../sprints/sprints-schema.js';
import { stateMachineFileSchema } from '../state-machine/state-machine-schema.js';

/** The schema of each kind. */
export const artifactSchemas = {
  milestones: milestonesFileSchema,
  sprints: sprintsFileSchema,
  features: featuresFileSchema,
  agents: agentsFileSchema,
  'factory-governance': factoryGovernanceFileSchema,
  'state-machine': stateMachineFileSchema,
  pipeline: pipelineFileSchema,
  'security-policy': securityPolicyFileSchema,
  event: eventFileSchema,
  'execution-metadata': executionMetadataSchema,
  'sprint-trace-matrix': sprintTraceMatrixSchema,
  'security-audit': securityAuditSchema,
  'fsm-context': fsmContextSchema,
  'feature-test-link': featureTestLinkFileSchema,
} as const satisfies Record<ArtifactKind, z.ZodType>;

/** The data of a valid file of kind `K`, as its schema describes it. */
export type ArtifactData<K extends ArtifactKind> = z.infer<(typeof artifactSchemas)[K]>;

/** One line on what each kind is, for messages and JSON Schema titles. */
export const artifactKindTitles: Readonly<Record<ArtifactKind, string>> = {
  milestones: 'Kairos milestones (planning/milestones.yaml)',
  sprints: 'Kairos sprints (planning/sprints.yaml, planning/sprint-plan.yaml)',
  features: 'Kairos feature backlog (planning/features.yaml)',
  agents: 'Kairos agent registry (planning/agents.yaml)',
  'factory-governance': 'Kairos governance (planning/factory-governance.yaml)',
  'state-machine': 'Kairos state machine (planning/fsm/<id>.yaml)',
  pipeline: 'Kairos pipeline declaration (planning/pipeline.yaml)',
  'security-policy': 'Kairos security policy (planning/security-policy.yaml)',
  event: 'Kairos event (spec payload or stored envelope)',
  'execution-metadata': 'Kairos execution metadata (metadata/<moduleId>/execution-metadata.json)',
  'sprint-trace-matrix': 'Kairos sprint trace matrix (execution/<sprintId>/sprint-trace-matrix.json)',
  'security-audit': 'Kairos security audit (execution/<sprintId>/security/security-audit.json)',
  'fsm-context': 'Kairos agent execution context',
  'feature-test-link': 'Kairos feature-test link (feature-test-link.yaml)',
};
