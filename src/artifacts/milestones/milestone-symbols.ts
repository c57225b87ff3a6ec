import { emptySymbols, type PlanningSymbols } from '../checks/planning-symbols.js';
import { rawNames } from '../checks/raw-names.js';
import { isRecord } from '../schema/is-record.js';

/** Milestone ids defined, and the features they require, from (possibly invalid) milestones data. */
export function milestoneSymbols(data: unknown, file: string): PlanningSymbols {
  const symbols = emptySymbols();
  if (!isRecord(data) || !Array.isArray(data.milestones)) return symbols;
  symbols.provided.push('milestone');
  data.milestones.forEach((milestone: unknown, index) => {
    if (!isRecord(milestone)) return;
    const path = ['milestones', index];
    const id = typeof milestone.id === 'string' ? milestone.id : `#${index + 1}`;
    if (typeof milestone.id === 'string') symbols.definitions.push({ namespace: 'milestone', id, file, path: [...path, 'id'] });
    for (const key of ['requiredFeatures', 'features'] as const) {
      for (const feature of rawNames(milestone[key], [...path, key])) {
        symbols.references.push({ namespace: 'feature', id: feature.name, file, path: feature.path, severity: 'error', subject: `milestone ${id} requires feature` });
      }
    }
  });
  return symbols;
}
