import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadWorkspace, type Workspace } from '../../artifacts/index.js';
import { RefusedError } from '../../domain/errors/index.js';
import { EventType, featureStream, governanceStream, planningStream, sprintStream, type JsonObject, type StoredEvent } from '../../domain/events/index.js';
import type { StateMachineDefinition } from '../../domain/fsm/index.js';
import { emptyBoard, type Board, type OrchestratorConfig } from '../../domain/orchestrator/index.js';
import { declaredPlanEvents, type EventDraft } from '../../domain/plan/index.js';
import { featureDecisions, planBacklog, type BacklogPlan } from '../../domain/planner/index.js';
import type { PlanningMode } from '../../domain/planning/index.js';
import type { EventStore } from '../../store/index.js';
import type { Clock } from '../clock.js';
import { foldLog } from '../orchestrator/orchestrator.js';
import { readTextIfAny } from '../orchestrator/read-text-if-any.js';
import { writeFileAtomic } from '../orchestrator/write-file-atomic.js';
import { plannerInputOf, rejectedProposals } from './planner-input.js';
import { declaredPlanOf, recordDrafts, recordPlan, type RecordPlanResult } from './record-plan.js';
import { lastPlanningPosition, planningChanges, writeResumptionOutputs, type PlanningChange, type Resumption } from './resumption.js';
import { sprintPlanYaml } from './sprint-plan-file.js';

export interface ProposePlanOptions {
  store: EventStore;
  workspace: Workspace;
  machines: readonly StateMachineDefinition[];
  config: OrchestratorConfig;
  clock: Clock;
  /** A request to resume planning (a person's, or the orchestrator's after a sprint closed), with why. */
  resume?: { reason: string; by?: string };
}

export interface ProposePlanResult {
  mode: PlanningMode;
  /** The definitions of the planning files recorded (what changed since the last record). */
  definitions: RecordPlanResult;
  /** Undefined in manual-only mode: people plan, in sprints.yaml. */
  plan?: BacklogPlan;
  /** The proposals, deferrals and withdrawals recorded. */
  proposals?: RecordPlanResult;
  /** Set when this run resumed an earlier plan. */
  resumption?: Resumption;
  /** Workspace-relative files written. */
  written: string[];
  /** Events appended in all. */
  appended: number;
}

export const sprintPlanFile = join('planning', 'sprint-plan.yaml');

/**
 * `kairos plan`: records the planning files, runs the planner over the backlog no sprint holds,
 * writes `planning/sprint-plan.yaml`, and records the proposed sprints (SprintPlanned with
 * `proposed: true`), the deferrals (FeatureDeferred with a typed reason), features rolled back in
 * (FeatureStatusChanged planned) and proposals withdrawn (SprintAborted). When an earlier plan exists
 * and something changed (or a resume was asked for), it is a resumption: `PlanningResumed` first,
 * under a new trace chained to the previous one, and the resumption outputs.
 *
 * manual-only governance: the planner does not run; only sprints.yaml is recorded, and a resume is
 * refused.
 */
export async function proposePlan(options: ProposePlanOptions): Promise<ProposePlanResult> {
  const { store, workspace, clock } = options;
  const mode = workspace.governance.planningMode;
  if (mode === 'manual-only' && options.resume !== undefined) {
    throw new RefusedError('planning is manual-only (planning/factory-governance.yaml): the planner does not run; people plan in planning/sprints.yaml');
  }
  const definitions = await recordPlan(store, { ...(await declaredPlanOf(workspace, options.machines)), proposedSprints: [] }, clock);
  if (mode === 'manual-only') return { mode, definitions, written: [], appended: definitions.appended.length };
  const board = await foldLog(store, emptyBoard(), options.config);
  const governance = await store.readStream(governanceStream, { limit: Number.MAX_SAFE_INTEGER });
  const input = plannerInputOf(workspace, board, options.config, featureDecisions(governance));
  const plan = planBacklog(input);
  const rejected = rejectedProposals(workspace, board);

  const planning = await store.readStream(planningStream, { limit: Number.MAX_SAFE_INTEGER });
  const since = await lastPlanningPosition(store, workspace, planning);
  const hadPlan = since > 0 || planning.some((event) => event.type === EventType.PlanningResumed);
  const changes = hadPlan ? planningChanges(since, await readAllFrom(store, since + 1), workspace, board) : [];
  const resuming = options.resume !== undefined || (hadPlan && changes.length > 0);

  const written: string[] = [];
  const text = sprintPlanYaml(plan, workspace.proposedSprints);
  if ((await readTextIfAny(join(workspace.root, sprintPlanFile))) !== text) {
    await writeFileAtomic(join(workspace.root, sprintPlanFile), text);
    written.push(sprintPlanFile);
  }
  // Record the plan as the file now says it: one way from the file to the log, for `kairos run` too.
  const adopted = await loadWorkspace(workspace.root);
  const drafts = [
    ...declaredPlanEvents({ milestones: [], features: [], sprints: [], proposedSprints: adopted.proposedSprints }),
    ...deferralDrafts(plan),
    ...withdrawalDrafts(plan, [...(input.previous ?? []), ...rejected.map((id) => ({ id }))], board),
  ];
  let resumption: Resumption | undefined;
  let traceId: string | undefined;
  let resumedCount = 0;
  if (resuming) {
    const previousTraceId = planning.findLast((event) => event.type === EventType.PlanningResumed)?.traceId ?? firstPlanTrace(board, workspace) ?? definitions.traceId;
    const reason = options.resume?.reason ?? describeChanges(changes);
    const resumed = await recordDrafts(store, [resumedDraft(reason, changes, previousTraceId, options.resume?.by)], clock, undefined);
    resumedCount = resumed.appended.length;
    traceId = resumed.appended[0]?.traceId;
    resumption = { reason, changes, previousTraceId, traceId: traceId ?? previousTraceId, ...(options.resume?.by === undefined ? {} : { by: options.resume.by }) };
  }
  const proposals = await recordDrafts(store, drafts, clock, traceId);
  if (resumption !== undefined) {
    await mkdir(join(workspace.root, 'planning', 'resumption'), { recursive: true });
    written.push(...(await writeResumptionOutputs({ store, root: workspace.root, resumption, plan, previous: input.previous ?? [], proposals: proposals.appended })));
  }
  const appended = definitions.appended.length + resumedCount + proposals.appended.length;
  return { mode, definitions, plan, proposals, ...(resumption === undefined ? {} : { resumption }), written, appended };
}

/** FeatureDeferred for each deferral the planner made (a person's pause is already in the log), and FeatureStatusChanged for features planned again. */
function deferralDrafts(plan: BacklogPlan): EventDraft[] {
  const drafts: EventDraft[] = [];
  const supersedes = [EventType.FeatureDeferred, EventType.FeatureStatusChanged];
  for (const entry of plan.deferred) {
    if (entry.deferral.kind === 'manuallyPaused' && entry.deferral.by !== undefined) continue;
    const data: JsonObject = { featureId: entry.featureId, reason: entry.reason, deferral: entry.deferral as unknown as JsonObject, by: 'planner' };
    if (entry.deferredTo !== undefined) data['deferredTo'] = entry.deferredTo;
    drafts.push({ streamId: featureStream(entry.featureId), type: EventType.FeatureDeferred, scope: { featureId: entry.featureId }, data, supersedes });
  }
  const deferred = new Set(plan.deferred.map((entry) => entry.featureId));
  for (const sprint of plan.sprints) {
    for (const featureId of sprint.features) {
      if (deferred.has(featureId)) continue;
      drafts.push({
        streamId: featureStream(featureId),
        type: EventType.FeatureStatusChanged,
        scope: { featureId, sprintId: sprint.id },
        data: { featureId, status: 'planned', sprintId: sprint.id, by: 'planner' },
        supersedes,
        clears: EventType.FeatureDeferred,
      });
    }
  }
  return drafts;
}

/** SprintAborted for a proposal of the previous plan that the new plan no longer has. */
function withdrawalDrafts(plan: BacklogPlan, previous: readonly { id: string }[], board: Board): EventDraft[] {
  const kept = new Set(plan.sprints.map((sprint) => sprint.id));
  return previous
    .filter((sprint) => !kept.has(sprint.id) && board.sprints.has(sprint.id))
    .map((sprint) => ({
      streamId: sprintStream(sprint.id),
      type: EventType.SprintAborted,
      scope: { sprintId: sprint.id },
      data: { sprintId: sprint.id, reason: board.sprints.get(sprint.id)?.approval === 'rejected' ? 'withdrawn: its approval was rejected; its features were planned again' : 'withdrawn by re-planning: its features moved to other sprints or were deferred', by: 'planner' },
    }));
}

function resumedDraft(reason: string, changes: readonly PlanningChange[], previousTraceId: string, by: string | undefined): EventDraft {
  const data: JsonObject = { reason, changes: changes as unknown as JsonObject[], previousTraceId };
  if (by !== undefined) data['by'] = by;
  // A resume asked for twice in a row is two events: the request, not the content, is what counts.
  return { streamId: planningStream, type: EventType.PlanningResumed, scope: {}, data, supersedes: [] };
}

/** Every event from `from` on. */
async function readAllFrom(store: EventStore, from: number): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for (let page = await store.readAll({ fromPosition: from, limit: 5000 }); page.length > 0; page = await store.readAll({ fromPosition: page.at(-1)!.position + 1, limit: 5000 })) events.push(...page);
  return events;
}

function firstPlanTrace(board: Board, workspace: Workspace): string | undefined {
  for (const sprint of workspace.proposedSprints) {
    const record = board.sprints.get(sprint.id);
    if (record !== undefined) return record.traces[0]?.traceId ?? record.traceId;
  }
  return undefined;
}

function describeChanges(changes: readonly PlanningChange[]): string {
  if (changes.length === 0) return 'planning resumed';
  const counts = new Map<string, number>();
  for (const change of changes) counts.set(`${change.kind} ${change.change}`, (counts.get(`${change.kind} ${change.change}`) ?? 0) + 1);
  return [...counts].map(([what, n]) => (n === 1 ? what : `${n} × ${what}`)).join(', ');
}

