import { emptySymbols, type PlanningSymbols } from '../checks/planning-symbols.js';
import { rawNames } from '../checks/raw-names.js';
import { isRecord } from '../schema/is-record.js';
import type { PathSegment } from '../source/format-path.js';

/**
 * Feature ids defined, and what each refers to (`requiredBy` milestone, `dependsOn` features,
 * `agentRoles`), from (possibly invalid) features data in any of its three forms.
 */
export function featureSymbols(data: unknown, file: string): PlanningSymbols {
  const symbols = emptySymbols();
  const entries = featureEntries(data);
  if (entries === undefined) return symbols;
  symbols.provided.push('feature');
  for (const { id, idPath, entry, path } of entries) {
    if (id === undefined) continue;
    symbols.definitions.push({ namespace: 'feature', id, file, path: idPath });
    if (typeof entry.requiredBy === 'string') {
      const milestone = entry.requiredBy.replace(/^milestone:/, '');
      symbols.references.push({ namespace: 'milestone', id: milestone, file, path: [...path, 'requiredBy'], severity: 'error', subject: `feature ${id} is required by milestone` });
    }
    for (const dependency of rawNames(entry.dependsOn, [...path, 'dependsOn'])) {
      symbols.dependencies.push({ from: id, to: dependency.name, file, path: dependency.path });
      symbols.references.push({
        namespace: 'feature',
        id: dependency.name,
        file,
        path: dependency.path,
        severity: 'warning',
        subject: `feature ${id} depends on`,
        consequence: '; the planner will defer it as a missing prerequisite',
      });
    }
    for (const role of rawNames(entry.agentRoles, [...path, 'agentRoles'])) {
      symbols.references.push({ namespace: 'role', id: role.name, file, path: role.path, severity: 'error', subject: `feature ${id} needs agent role` });
    }
  }
  return symbols;
}

interface FeatureSite {
  id: string | undefined;
  idPath: PathSegment[];
  entry: Record<string, unknown>;
  path: PathSegment[];
}

function featureEntries(data: unknown): FeatureSite[] | undefined {
  const fromList = (list: unknown[], prefix: PathSegment[]): FeatureSite[] =>
    list.flatMap((entry: unknown, index) => {
      if (!isRecord(entry)) return [];
      const path = [...prefix, index];
      return [{ id: typeof entry.featureId === 'string' ? entry.featureId : undefined, idPath: [...path, 'featureId'], entry, path }];
    });
  if (Array.isArray(data)) return fromList(data, []);
  if (!isRecord(data)) return undefined;
  if (Array.isArray(data.features)) return fromList(data.features, ['features']);
  if (!isRecord(data.features)) return undefined;
  return Object.entries(data.features).flatMap(([key, entry]) => {
    if (!isRecord(entry)) return [];
    const path = ['features', key];
    return [{ id: typeof entry.featureId === 'string' ? entry.featureId : key, idPath: path, entry, path }];
  });
}
