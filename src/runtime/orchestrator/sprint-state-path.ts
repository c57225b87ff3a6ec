import { join } from 'node:path';

/** `execution/<sprintId>/`; an id that is not a plain file name is percent-encoded. */
export function sprintFolder(workspace: string, sprintId: string): string {
  const safe = /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(sprintId) ? sprintId : encodeURIComponent(sprintId).replace(/\./g, '%2E');
  return join(workspace, 'execution', safe);
}

/** `execution/<sprintId>/fsm-state.json`. */
export function sprintStatePath(workspace: string, sprintId: string): string {
  return join(sprintFolder(workspace, sprintId), 'fsm-state.json');
}
