import { emptySymbols, type PlanningSymbols } from '../checks/planning-symbols.js';
import { rawNames } from '../checks/raw-names.js';
import { isRecord } from '../schema/is-record.js';

/** Agent ids defined, and the roles they provide (an agent's id counts as a role too). */
export function agentSymbols(data: unknown, file: string): PlanningSymbols {
  const symbols = emptySymbols();
  if (!isRecord(data) || !Array.isArray(data.agents)) return symbols;
  symbols.provided.push('agent', 'role');
  data.agents.forEach((agent: unknown, index) => {
    if (!isRecord(agent)) return;
    const path = ['agents', index];
    if (typeof agent.id === 'string') {
      symbols.definitions.push({ namespace: 'agent', id: agent.id, file, path: [...path, 'id'] });
      symbols.definitions.push({ namespace: 'role', id: agent.id, file, path: [...path, 'id'] });
    }
    for (const role of rawNames(agent.roles, [...path, 'roles'])) {
      symbols.definitions.push({ namespace: 'role', id: role.name, file, path: role.path });
    }
  });
  return symbols;
}
