import { isInScopeSprint } from '../evidence/evidence-scope.js';
import { mergeEvidence } from '../evidence/merge-evidence.js';
import type { ScopeEvidence } from '../evidence/scope-evidence.js';
import type { Board, MilestoneRecord, SprintRecord } from './board.js';

/** Finds a sprint record by id: the board's, or a reaction's view of it. */
export type SprintLookup = (sprintId: string) => SprintRecord | undefined;

/**
 * Everything the gates of a milestone look at: its own fold (`record.evidence`: the events of the
 * milestone itself, and of features and sprints that are not its sprints) merged with the evidence
 * of each sprint planned for it. A sprint's events are folded once, into the sprint; the milestone
 * reads them from there (see `countsForMilestone`).
 *
 * @example evaluateGates(milestone.gates, milestoneEvidence(milestone, sprintsOf(board)))
 */
export function milestoneEvidence(milestone: MilestoneRecord, sprintOf: SprintLookup): ScopeEvidence {
  return mergeEvidence(milestone.evidence, countedSprints(milestone, sprintOf).map((sprint) => sprint.evidence));
}

/**
 * Does the sprint's evidence count for the milestone? When the sprint is one of the milestone's and
 * is planned for it now: a sprint planned again for another milestone takes its evidence there.
 */
export function countsForMilestone(sprint: SprintRecord, milestone: MilestoneRecord): boolean {
  return sprint.milestoneId === milestone.id && isInScopeSprint(milestone.evidence.scope, sprint.id);
}

/** The latest log position folded into any of the milestone's evidence (its own, its sprints'). */
export function lastEvidencePosition(milestone: MilestoneRecord, sprintOf: SprintLookup): number {
  let last = milestone.evidence.lastPosition;
  for (const sprint of countedSprints(milestone, sprintOf)) last = Math.max(last, sprint.evidence.lastPosition);
  return last;
}

/** The sprints whose evidence counts for the milestone, in plan order. */
function countedSprints(milestone: MilestoneRecord, sprintOf: SprintLookup): SprintRecord[] {
  const counted: SprintRecord[] = [];
  for (const sprintId of milestone.evidence.scope.sprints) {
    const sprint = sprintOf(sprintId);
    if (sprint !== undefined && countsForMilestone(sprint, milestone)) counted.push(sprint);
  }
  return counted;
}

/** The board's sprint lookup. */
export function sprintsOf(board: Pick<Board, 'sprints'>): SprintLookup {
  return (sprintId) => board.sprints.get(sprintId);
}

/** The evidence a sprint's or a milestone's gates read. */
export function gateEvidence(board: Pick<Board, 'sprints'>, record: SprintRecord | MilestoneRecord): ScopeEvidence {
  return 'order' in record ? milestoneEvidence(record, sprintsOf(board)) : record.evidence;
}
