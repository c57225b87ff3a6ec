import type { Workspace } from '../../artifacts/index.js';
import { boardMachineOf, unrecoveredFailures, type Board, type OrchestratorConfig, type SprintRecord } from '../../domain/orchestrator/index.js';
import type { BlockedFeature, FeatureDecision, PlannerInput, SprintScope } from '../../domain/planner/index.js';

/** States of the default sprint machine before a sprint starts: a proposed sprint there can still be re-planned. */
const beforeStart = new Set(['Planning', 'ValidatingScope', 'ValidatingInfra', 'Ready']);

/** What the planner needs from the workspace and the log. */
export function plannerInputOf(workspace: Workspace, board: Board, config: OrchestratorConfig, decisions: Record<string, FeatureDecision>): PlannerInput {
  const fixed: SprintScope[] = workspace.sprints.map(scopeOf);
  const previous: SprintScope[] = [];
  const rejected = new Set(rejectedProposals(workspace, board));
  for (const sprint of workspace.proposedSprints) {
    // A rejected proposal goes back to the planner: its features are planned afresh (less what the rejection excluded).
    if (rejected.has(sprint.id)) continue;
    const record = board.sprints.get(sprint.id);
    const state = record === undefined ? undefined : stateName(board, config, record);
    if (record !== undefined && state !== undefined && !beforeStart.has(state)) {
      // Under way, closed or aborted: what it holds is no longer the planner's (an aborted sprint's features return).
      if (state !== 'Aborted') fixed.push(scopeOf(sprint));
    } else {
      previous.push(scopeOf(sprint));
    }
  }
  return {
    features: workspace.features,
    milestones: workspace.milestones,
    capacity: workspace.governance.capacity,
    fixedSprints: fixed,
    previous,
    usedSprintIds: [...board.sprints.keys()],
    decisions,
    blocked: blockedFeatures(board, config),
    roles: workspace.agents.flatMap((agent) => [agent.id, ...agent.roles]),
  };
}

/** Proposed sprints a person rejected (ApprovalRejected) that have not started: the planner withdraws and re-plans them. */
export function rejectedProposals(workspace: Workspace, board: Board): string[] {
  return workspace.proposedSprints.filter((sprint) => board.sprints.get(sprint.id)?.approval === 'rejected').map((sprint) => sprint.id);
}

/** Features an unrecovered agent failure holds for a person, by the sprint (and trace) holding them. */
function blockedFeatures(board: Board, config: OrchestratorConfig): Record<string, BlockedFeature> {
  const blocked: Record<string, BlockedFeature> = {};
  for (const record of board.sprints.values()) {
    const state = stateName(board, config, record);
    if (state === undefined) continue;
    for (const failure of unrecoveredFailures(record, state)) {
      for (const featureId of failure.features ?? record.features) {
        if (record.evidence.features[featureId]?.status === 'completed') continue;
        blocked[featureId] = { sprintId: record.id, traceId: record.traceId };
      }
    }
  }
  return blocked;
}

function stateName(board: Board, config: OrchestratorConfig, record: SprintRecord): string | undefined {
  return boardMachineOf(board, config, record.instance)?.states[record.instance.state];
}

function scopeOf(sprint: { id: string; milestone?: string; features: readonly string[] }): SprintScope {
  return { id: sprint.id, ...(sprint.milestone === undefined ? {} : { milestone: sprint.milestone }), features: sprint.features };
}
