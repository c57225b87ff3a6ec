import { emptySymbols, type PlanningSymbols } from '../checks/planning-symbols.js';
import { rawNames } from '../checks/raw-names.js';
import { isRecord } from '../schema/is-record.js';

/** User ids defined, and the milestones frozen and agent roles given capacity. */
export function governanceSymbols(data: unknown, file: string): PlanningSymbols {
  const symbols = emptySymbols();
  if (!isRecord(data)) return symbols;
  if (Array.isArray(data.users)) {
    symbols.provided.push('user');
    data.users.forEach((user: unknown, index) => {
      if (isRecord(user) && typeof user.id === 'string') symbols.definitions.push({ namespace: 'user', id: user.id, file, path: ['users', index, 'id'] });
    });
  }
  for (const milestone of rawNames(data.deploymentFreeze, ['deploymentFreeze'])) {
    symbols.references.push({ namespace: 'milestone', id: milestone.name, file, path: milestone.path, severity: 'error', subject: 'deploymentFreeze names milestone' });
  }
  const roleEffort = isRecord(data.capacity) && isRecord(data.capacity.roleEffort) ? data.capacity.roleEffort : {};
  for (const role of Object.keys(roleEffort)) {
    symbols.references.push({ namespace: 'role', id: role, file, path: ['capacity', 'roleEffort', role], at: 'key', severity: 'warning', subject: 'capacity.roleEffort names agent role' });
  }
  return symbols;
}
