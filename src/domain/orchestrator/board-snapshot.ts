import type { JsonObject, JsonValue } from '../events/envelope.js';
import type { Board } from './board.js';

/**
 * The board as one JSON value with a stable order (records sorted by id), for hashing: two boards
 * folded from the same log give the same snapshot, whatever order their maps were filled in.
 */
export function boardSnapshot(board: Board): JsonObject {
  const sorted = <T>(map: ReadonlyMap<string, T>): [string, T][] => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    position: board.position,
    milestoneOrder: [...board.milestoneOrder],
    sprints: sorted(board.sprints) as unknown as JsonValue,
    milestones: sorted(board.milestones) as unknown as JsonValue,
    featureSprints: sorted(board.featureSprints),
    machines: ['sprint', 'milestone', 'phase'].map((id) => [id, [...board.machines.versions(id)]]),
  };
}
