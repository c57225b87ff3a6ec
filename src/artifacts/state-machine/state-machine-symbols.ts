import { emptySymbols, type PlanningSymbols } from '../checks/planning-symbols.js';
import { rawNames } from '../checks/raw-names.js';
import { isRecord } from '../schema/is-record.js';

/** The machine's id (its `id` or the file's base name) and the agent roles its transitions activate (optional `role?` ones are not required). */
export function stateMachineSymbols(data: unknown, file: string, fallbackId: string): PlanningSymbols {
  const symbols = emptySymbols();
  if (!isRecord(data)) return symbols;
  const id = typeof data.id === 'string' ? data.id : fallbackId;
  symbols.provided.push('state-machine');
  symbols.definitions.push({ namespace: 'state-machine', id, file, path: typeof data.id === 'string' ? ['id'] : [] });
  if (!Array.isArray(data.transitions)) return symbols;
  data.transitions.forEach((transition: unknown, index) => {
    if (!isRecord(transition)) return;
    for (const role of rawNames(transition.activate, ['transitions', index, 'activate'])) {
      // `role?` runs only when an agent answers to it: no agent is no error.
      if (role.name.endsWith('?')) continue;
      symbols.references.push({ namespace: 'role', id: role.name, file, path: role.path, severity: 'error', subject: `state machine ${id} activates agent role` });
    }
  });
  return symbols;
}
