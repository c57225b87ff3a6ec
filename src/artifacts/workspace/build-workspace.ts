import { defaultGovernance } from '../../domain/planning/governance.js';
import type { AgentsFile } from '../agents/agents-schema.js';
import { normalizeAgents } from '../agents/normalize-agents.js';
import { baseName } from '../checks/symbols-of.js';
import type { FeaturesFile } from '../features/features-schema.js';
import { normalizeFeatures } from '../features/normalize-features.js';
import type { FactoryGovernanceFile } from '../governance/factory-governance-schema.js';
import { normalizeGovernance } from '../governance/normalize-governance.js';
import type { MilestonesFile } from '../milestones/milestones-schema.js';
import { normalizeMilestones } from '../milestones/normalize-milestones.js';
import { normalizeSprints } from '../sprints/normalize-sprints.js';
import type { SprintsFile } from '../sprints/sprints-schema.js';
import { normalizeStateMachine } from '../state-machine/normalize-state-machine.js';
import type { StateMachineFile } from '../state-machine/state-machine-schema.js';
import type { CheckedFile } from '../validation/checked-file.js';
import type { Workspace } from './workspace.js';

/**
 * Normalises a workspace's checked planning files into its model. Call it only when no file has
 * an error: each file's data is then exactly what its schema describes.
 */
export function buildWorkspace(root: string, files: readonly CheckedFile[], vision: string | undefined): Workspace {
  const workspace: Workspace = {
    root,
    milestones: [],
    features: [],
    sprints: [],
    proposedSprints: [],
    agents: [],
    governance: defaultGovernance,
    stateMachines: [],
    files: files.map((file) => file.file),
    ...(vision === undefined ? {} : { vision }),
  };
  for (const { kind, file, source } of files) {
    const data = source.value;
    switch (kind) {
      case 'milestones':
        workspace.milestones = [...workspace.milestones, ...normalizeMilestones(data as MilestonesFile)];
        break;
      case 'features':
        workspace.features = [...workspace.features, ...normalizeFeatures(data as FeaturesFile)];
        break;
      case 'sprints':
        if (baseName(file) === 'sprint-plan') workspace.proposedSprints = [...workspace.proposedSprints, ...normalizeSprints(data as SprintsFile)];
        else workspace.sprints = [...workspace.sprints, ...normalizeSprints(data as SprintsFile)];
        break;
      case 'agents':
        workspace.agents = [...workspace.agents, ...normalizeAgents(data as AgentsFile)];
        break;
      case 'factory-governance':
        workspace.governance = normalizeGovernance(data as FactoryGovernanceFile);
        break;
      case 'state-machine':
        workspace.stateMachines.push(normalizeStateMachine(data as StateMachineFile, baseName(file)));
        break;
      default:
        break;
    }
  }
  return workspace;
}
