import type { Sprint } from '../../domain/planning/sprint.js';
import { extraKeys } from '../normalize/extra-keys.js';
import { omitUndefined } from '../normalize/omit-undefined.js';
import { resolveGates } from '../normalize/resolve-gates.js';
import { unique } from '../normalize/unique.js';
import { sprintSchema, type SprintEntry, type SprintsFile } from './sprints-schema.js';

/** Turns a validated sprints file into sprints, merging the `includes:` and flat forms. */
export function normalizeSprints(file: SprintsFile): Sprint[] {
  return file.sprints.map(normalizeSprint);
}

/** One validated sprint entry as a `Sprint`. */
export function normalizeSprint(raw: SprintEntry): Sprint {
  const includes = raw.includes ?? [];
  const traceability = raw.traceability ?? {};
  return {
    id: raw.id,
    ...omitUndefined({
      name: raw.name,
      goal: raw.goal,
      milestone: raw.milestone ?? includes.find((include) => include.Milestone !== undefined)?.Milestone,
      module: raw.module,
      phase: raw.phase,
      trigger: raw.trigger,
      orchestrator: traceability.orchestrator,
    }),
    features: unique(raw.features, ...includes.map((include) => include.Features)),
    agents: unique(raw.agents, ...includes.map((include) => include.Agents)),
    gates: resolveGates(raw.gates ?? []),
    approvalRequired: raw.governance?.approvalRequired ?? false,
    concurrencyPolicy: raw.concurrencyPolicy ?? 'shared',
    labels: unique(traceability.labels),
    extra: extraKeys(raw, sprintSchema.shape),
  };
}
