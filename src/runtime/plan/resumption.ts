import { join } from 'node:path';
import type { Workspace } from '../../artifacts/index.js';
import { featureStream, governanceStream, sprintStream, type StoredEvent } from '../../domain/events/index.js';
import type { Board } from '../../domain/orchestrator/index.js';
import type { BacklogPlan, SprintScope } from '../../domain/planner/index.js';
import type { EventStore } from '../../store/index.js';
import { writeFileAtomic } from '../orchestrator/write-file-atomic.js';

/** One structural change that resumes planning. */
export interface PlanningChange {
  kind: 'feature' | 'milestone' | 'sprint' | 'vision';
  id: string;
  change: 'added' | 'changed' | 'removed' | 'closed' | 'rejected' | 'paused' | 'lifted' | 'reprioritized';
  /** Who, for a person's decision. */
  by?: string;
}

/** A resumption of planning: why, what changed, and the trace chain. */
export interface Resumption {
  reason: string;
  changes: PlanningChange[];
  traceId: string;
  previousTraceId: string;
  by?: string;
}

export const resumptionFolder = join('planning', 'resumption');

/**
 * Where planning last ran: the last PlanningResumed, else the first proposal of the plan in
 * `sprint-plan.yaml`; 0 when there is no plan yet.
 */
export async function lastPlanningPosition(store: EventStore, workspace: Workspace, planning: readonly StoredEvent[]): Promise<number> {
  const resumed = planning.findLast((event) => event.type === 'PlanningResumed');
  if (resumed !== undefined) return resumed.position;
  const firsts = await Promise.all(workspace.proposedSprints.map((sprint) => store.readStream(sprintStream(sprint.id), { limit: 1 })));
  const positions = firsts.flatMap((events) => events.map((event) => event.position));
  return positions.length === 0 ? 0 : Math.min(...positions) - 1;
}

/**
 * What changed since planning last ran (`since`, a log position; `recorded`: the log's events after
 * it): definitions recorded (features, milestones, people's sprints, the vision), people's decisions
 * on features, rejected proposals, sprints closed, and features the previous plan held that the
 * backlog no longer has.
 */
export function planningChanges(since: number, recorded: readonly StoredEvent[], workspace: Workspace, board: Board): PlanningChange[] {
  const changes: PlanningChange[] = [];
  for (const event of recorded) {
    if (event.position <= since) continue;
    if (event.type === 'SprintPlanned' && event.data['proposed'] === true) continue;
    const change = event.version === 1 ? 'added' : 'changed';
    if (event.type === 'FeatureScopeDefined') changes.push({ kind: 'feature', id: String(event.data['featureId']), change });
    else if (event.type === 'MilestonePlanCreated') changes.push({ kind: 'milestone', id: String(event.data['milestoneId']), change });
    else if (event.type === 'SprintPlanned') changes.push({ kind: 'sprint', id: String(event.data['sprintId']), change });
    else if (event.type === 'VisionUpdated') changes.push({ kind: 'vision', id: String(event.data['path']), change: 'changed' });
    else if (event.type === 'SprintClosed' && event.sprintId !== undefined) changes.push({ kind: 'sprint', id: event.sprintId, change: 'closed' });
    else if (event.streamId === governanceStream) decisionChange(event, changes);
  }
  const backlog = new Set(workspace.features.map((feature) => feature.id));
  for (const sprint of workspace.proposedSprints) for (const id of sprint.features) if (!backlog.has(id)) changes.push({ kind: 'feature', id, change: 'removed' });
  for (const sprint of workspace.proposedSprints) {
    const record = board.sprints.get(sprint.id);
    if (record?.approval === 'rejected') changes.push({ kind: 'sprint', id: sprint.id, change: 'rejected', ...(record.approvalBy === undefined ? {} : { by: record.approvalBy }) });
  }
  return changes;
}

/** A person's decision on a feature (`kairos defer`, `--lift`, `kairos prioritize`). */
function decisionChange(event: StoredEvent, changes: PlanningChange[]): void {
  if (event.featureId === undefined) return;
  const by = typeof event.data['by'] === 'string' ? { by: event.data['by'] } : {};
  if (event.type === 'FeatureDeferred') changes.push({ kind: 'feature', id: event.featureId, change: 'paused', ...by });
  else if (event.type === 'FeatureStatusChanged') changes.push({ kind: 'feature', id: event.featureId, change: 'lifted', ...by });
  else if (event.type === 'OverrideApplied' && event.data['override'] === 'priority') changes.push({ kind: 'feature', id: event.featureId, change: 'reprioritized', ...by });
}

export interface ResumptionOutputs {
  store: EventStore;
  root: string;
  resumption: Resumption;
  plan: BacklogPlan;
  previous: readonly SprintScope[];
  /** Events the re-planning appended: features planned again show up as FeatureStatusChanged. */
  proposals: readonly StoredEvent[];
}

/**
 * Writes `planning/resumption/`: `updated-sprint-plan.yaml` (the sprints new or changed, and those
 * withdrawn), `resumption-report.md` (what changed and why, in plain words) and
 * `deferred-to-resumed-mapping.json` (each feature planned again: why it had been deferred, where it
 * goes now; and what stays deferred). Returns the workspace-relative paths.
 */
export async function writeResumptionOutputs(outputs: ResumptionOutputs): Promise<string[]> {
  const { plan, previous, resumption } = outputs;
  const before = new Map(previous.map((sprint) => [sprint.id, sprint.features.join('\n')]));
  const updated = plan.sprints.filter((sprint) => before.get(sprint.id) !== sprint.features.join('\n'));
  const withdrawn = previous.filter((sprint) => !plan.sprints.some((kept) => kept.id === sprint.id)).map((sprint) => sprint.id);
  const resumed = await resumedFeatures(outputs);

  const yaml = [
    `# Planning resumed: ${resumption.reason}`,
    `# trace ${resumption.traceId} (follows ${resumption.previousTraceId})`,
    ...(withdrawn.length === 0 ? [] : [`# withdrawn: ${withdrawn.join(', ')}`]),
    updated.length === 0 ? 'sprints: []' : 'sprints:',
    ...updated.flatMap((sprint) => [
      `  - id: ${sprint.id}${before.has(sprint.id) ? '   # changed' : '   # new'}`,
      ...(sprint.milestone === undefined ? [] : [`    milestone: ${sprint.milestone}`]),
      `    features: [${sprint.features.join(', ')}]`,
      `    agents: [${sprint.agents.join(', ')}]`,
    ]),
    '',
  ].join('\n');
  const report = reportOf(resumption, plan, updated.map((sprint) => sprint.id), withdrawn, resumed);
  const mapping = {
    traceId: resumption.traceId,
    previousTraceId: resumption.previousTraceId,
    resumed,
    stillDeferred: plan.deferred.filter((entry) => !plan.sprints.some((sprint) => sprint.features.includes(entry.featureId))).map((entry) => ({ featureId: entry.featureId, reason: entry.reason, ...(entry.deferredTo === undefined ? {} : { deferredTo: entry.deferredTo }) })),
    rolledForward: plan.deferred.filter((entry) => plan.sprints.some((sprint) => sprint.id === entry.deferredTo)).map((entry) => ({ featureId: entry.featureId, reason: entry.reason, sprintId: entry.deferredTo! })),
  };
  const files = [join(resumptionFolder, 'updated-sprint-plan.yaml'), join(resumptionFolder, 'resumption-report.md'), join(resumptionFolder, 'deferred-to-resumed-mapping.json')];
  await writeFileAtomic(join(outputs.root, files[0]!), yaml);
  await writeFileAtomic(join(outputs.root, files[1]!), report);
  await writeFileAtomic(join(outputs.root, files[2]!), `${JSON.stringify(mapping, null, 2)}\n`);
  return files;
}

interface ResumedFeature {
  featureId: string;
  deferredBecause: string;
  sprintId: string;
}

async function resumedFeatures(outputs: ResumptionOutputs): Promise<ResumedFeature[]> {
  const resumed: ResumedFeature[] = [];
  for (const event of outputs.proposals) {
    if (event.type !== 'FeatureStatusChanged') continue;
    const featureId = String(event.data['featureId']);
    const history = await outputs.store.readStream(featureStream(featureId), { limit: Number.MAX_SAFE_INTEGER });
    const deferral = history.findLast((e) => e.type === 'FeatureDeferred');
    resumed.push({ featureId, deferredBecause: typeof deferral?.data['reason'] === 'string' ? deferral.data['reason'] : 'deferred', sprintId: String(event.data['sprintId']) });
  }
  return resumed;
}

function reportOf(resumption: Resumption, plan: BacklogPlan, updated: readonly string[], withdrawn: readonly string[], resumed: readonly ResumedFeature[]): string {
  const lines = [
    '# Planning resumed',
    '',
    `Why: ${resumption.reason}${resumption.by === undefined ? '' : ` (asked by ${resumption.by})`}.`,
    `Trace: ${resumption.traceId}, following ${resumption.previousTraceId}.`,
    '',
    '## What changed',
    '',
    ...(resumption.changes.length === 0 ? ['Nothing in the planning files; planning was asked to resume.'] : resumption.changes.map((change) => `- ${change.kind} ${change.id}: ${change.change}${change.by === undefined ? '' : ` by ${change.by}`}`)),
    '',
    '## What the planner did',
    '',
    `- ${plan.sprints.length} sprint(s) in the plan; ${plan.sprints.filter((sprint) => sprint.kept).length} kept as they were or less what left them.`,
    ...updated.map((id) => `- ${id}: new or changed scope (${plan.sprints.find((sprint) => sprint.id === id)!.features.join(', ')})`),
    ...withdrawn.map((id) => `- ${id}: withdrawn, nothing left in it`),
    ...resumed.map((feature) => `- ${feature.featureId}: planned again in ${feature.sprintId} (it had been deferred: ${feature.deferredBecause})`),
    ...plan.deferred.map((entry) => `- ${entry.featureId}: deferred, ${entry.reason}${entry.deferredTo === undefined ? '' : ` (rolls forward to ${entry.deferredTo})`}`),
    ...plan.pulledForward.map((pulled) => `- ${pulled.featureId}: pulled forward into ${pulled.to}${pulled.from === undefined ? '' : ` from ${pulled.from}`}, because ${pulled.neededBy} needs it`),
    '',
    ...(plan.atRisk.length === 0 ? [] : ['## Milestones at risk', '', ...plan.atRisk.map((risk) => `- ${risk.milestoneId}: ${risk.reason}`), '']),
  ];
  return lines.join('\n');
}
