import { emptySymbols, type PlanningSymbols } from '../checks/planning-symbols.js';
import { rawNames } from '../checks/raw-names.js';
import { isRecord } from '../schema/is-record.js';
import type { PathSegment } from '../source/format-path.js';

/** Sprint ids defined, and the milestone, features and agent roles each includes. */
export function sprintSymbols(data: unknown, file: string): PlanningSymbols {
  const symbols = emptySymbols();
  if (!isRecord(data) || !Array.isArray(data.sprints)) return symbols;
  symbols.provided.push('sprint');
  data.sprints.forEach((sprint: unknown, index) => {
    if (!isRecord(sprint)) return;
    const path = ['sprints', index];
    const id = typeof sprint.id === 'string' ? sprint.id : `#${index + 1}`;
    if (typeof sprint.id === 'string') symbols.definitions.push({ namespace: 'sprint', id, file, path: [...path, 'id'] });
    const features = [{ value: sprint.features, path: [...path, 'features'] }];
    const agents = [{ value: sprint.agents, path: [...path, 'agents'] }];
    const milestones: { value: unknown; path: PathSegment[] }[] = [{ value: sprint.milestone, path: [...path, 'milestone'] }];
    if (Array.isArray(sprint.includes)) {
      sprint.includes.forEach((include: unknown, position) => {
        if (!isRecord(include)) return;
        const at = [...path, 'includes', position];
        milestones.push({ value: include.Milestone, path: [...at, 'Milestone'] });
        features.push({ value: include.Features, path: [...at, 'Features'] });
        agents.push({ value: include.Agents, path: [...at, 'Agents'] });
      });
    }
    for (const milestone of milestones.flatMap((source) => (typeof source.value === 'string' ? rawNames(source.value, source.path) : []))) {
      symbols.references.push({ namespace: 'milestone', id: milestone.name, file, path: milestone.path, severity: 'error', subject: `sprint ${id} belongs to milestone` });
    }
    for (const feature of features.flatMap((source) => rawNames(source.value, source.path))) {
      symbols.references.push({ namespace: 'feature', id: feature.name, file, path: feature.path, severity: 'error', subject: `sprint ${id} includes feature` });
    }
    for (const role of agents.flatMap((source) => rawNames(source.value, source.path))) {
      symbols.references.push({ namespace: 'role', id: role.name, file, path: role.path, severity: 'error', subject: `sprint ${id} needs agent role` });
    }
  });
  return symbols;
}
