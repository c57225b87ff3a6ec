import type { Board, SprintRecord } from '../orchestrator/board.js';
import type { TraceTags } from './git-trace-tags.js';

/** Finds the sprint a git fact belongs to on the board. */
export interface SprintResolver {
  /** By its tags: `sprint:` names it; else a `feature:` scoped to one; else the sprint that ran under `trace:`. */
  byTags(tags: TraceTags): SprintRecord | undefined;
  /** A sprint by id, or by its number (`3` or `sprint-3`, when one sprint id is that). */
  byName(name: string): SprintRecord | undefined;
}

/** A resolver over the board's sprints, their features and every trace they ran under. */
export function createSprintResolver(board: Board): SprintResolver {
  const byTrace = new Map<string, SprintRecord>();
  for (const sprint of board.sprints.values()) {
    for (const checkpoint of sprint.traces) if (!byTrace.has(checkpoint.traceId)) byTrace.set(checkpoint.traceId, sprint);
    if (!byTrace.has(sprint.traceId)) byTrace.set(sprint.traceId, sprint);
  }
  const byName = (name: string): SprintRecord | undefined => board.sprints.get(name) ?? board.sprints.get(`sprint-${name}`);
  return {
    byName,
    byTags(tags) {
      if (tags.sprintId !== undefined) {
        const sprint = byName(tags.sprintId);
        if (sprint !== undefined) return sprint;
      }
      for (const featureId of tags.featureIds) {
        const sprintId = board.featureSprints.get(featureId);
        const sprint = sprintId === undefined ? undefined : board.sprints.get(sprintId);
        if (sprint !== undefined) return sprint;
      }
      return tags.traceId === undefined ? undefined : byTrace.get(tags.traceId);
    },
  };
}
