import { Document } from 'yaml';
import type { BacklogPlan, ProposedSprint } from '../../domain/planner/index.js';
import type { Sprint } from '../../domain/planning/index.js';

/**
 * `planning/sprint-plan.yaml` for a plan, in the spec's sprint shape (the flat form). Names and
 * goals a person gave a kept sprint stay; the deferred features and milestones at risk are listed
 * in the header, so the file says everything the planner decided.
 */
export function sprintPlanYaml(plan: BacklogPlan, previous: readonly Sprint[], header: readonly string[] = []): string {
  const byId = new Map(previous.map((sprint) => [sprint.id, sprint]));
  const counters = new Map<string, number>();
  const sprints = plan.sprints.map((sprint) => {
    const key = sprint.milestone ?? 'backlog';
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return entryOf(sprint, byId.get(sprint.id), `${key} ${n}`);
  });
  const document = new Document({ sprints });
  document.commentBefore = [
    ' Sprints proposed by the Kairos planner (kairos plan): dependencies first, then requiredBy',
    ' milestones, then priority, packed to capacity. Re-planning keeps these ids and their names and',
    ' goals; in assisted mode each sprint waits in Ready for an approval (kairos approve <sprint>).',
    ...header.map((line) => ` ${line}`),
    ...(plan.deferred.length === 0 ? [] : [' Deferred:', ...plan.deferred.map((entry) => `   ${entry.featureId}: ${entry.reason}${entry.deferredTo === undefined ? '' : ` → ${entry.deferredTo}`}`)]),
    ...(plan.atRisk.length === 0 ? [] : [' At risk:', ...plan.atRisk.map((risk) => `   ${risk.milestoneId}: ${risk.reason}`)]),
  ].join('\n');
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function entryOf(sprint: ProposedSprint, before: Sprint | undefined, name: string): Record<string, unknown> {
  const entry: Record<string, unknown> = { id: sprint.id, name: before?.name ?? name, goal: before?.goal ?? `Deliver ${sprint.features.join(', ')}` };
  if (sprint.milestone !== undefined) entry['milestone'] = sprint.milestone;
  entry['features'] = flow(sprint.features);
  entry['agents'] = flow(sprint.agents);
  return entry;
}

/** A list written on one line (`[a, b]`), as the spec writes them. */
function flow(items: readonly string[]): unknown {
  const document = new Document([...items]);
  const node = document.contents as { flow?: boolean };
  node.flow = true;
  return document.contents;
}
