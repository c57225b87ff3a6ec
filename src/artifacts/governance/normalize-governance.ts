import type { Governance } from '../../domain/planning/governance.js';
import { omitUndefined } from '../normalize/omit-undefined.js';
import { unique } from '../normalize/unique.js';
import type { FactoryGovernanceFile } from './factory-governance-schema.js';
import { planningModeSpellings } from './planning-mode-spellings.js';

/** Turns a validated `factory-governance.yaml` into the workspace's governance. */
export function normalizeGovernance(file: FactoryGovernanceFile): Governance {
  return {
    planningMode: planningModeSpellings[file.planningMode],
    approvalRoles: unique((file.approvalRoles ?? []).map((entry) => (typeof entry === 'string' ? entry : entry.role))),
    users: (file.users ?? []).map((user) => ({ id: user.id, ...omitUndefined({ name: user.name }), roles: unique(user.roles) })),
    capacity: { ...omitUndefined({ sprintEffort: file.capacity?.sprintEffort, sprintsPerMilestone: file.capacity?.sprintsPerMilestone }), roleEffort: file.capacity?.roleEffort ?? {} },
    deploymentFreeze: unique(file.deploymentFreeze),
    ...omitUndefined({ checkpointEvery: file.checkpointEvery, maxGateRetries: file.maxGateRetries }),
  };
}
