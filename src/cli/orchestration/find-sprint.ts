import { NotFoundError } from '../../domain/errors/index.js';
import type { Board, SprintRecord } from '../../domain/orchestrator/index.js';
import { didYouMean } from '../../domain/text/index.js';
import { currentBoard, type Session } from './open-session.js';

/** The sprint's record on the board the log makes now; NotFoundError (with a suggestion) when the log has none. */
export async function findSprint(session: Session, sprintId: string): Promise<{ record: SprintRecord; board: Board }> {
  const board = await currentBoard(session);
  const record = board.sprints.get(sprintId);
  if (record === undefined) {
    const known = [...board.sprints.keys()];
    throw new NotFoundError(`no sprint ${sprintId} in the log${didYouMean(sprintId, known)}${known.length === 0 ? ' (run kairos plan or kairos run first)' : ''}`);
  }
  return { record, board };
}
