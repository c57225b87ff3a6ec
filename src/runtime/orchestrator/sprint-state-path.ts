import { join } from 'node:path';

/** `execution/<sprintId>/fsm-state.json`; an id that is not a plain file name is percent-encoded. */
export function sprintStatePath(workspace: string, sprintId: string): string {
  const safe = /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(sprintId) ? sprintId : encodeURIComponent(sprintId).replace(/\./g, '%2E');
  return join(workspace, 'execution', safe, 'fsm-state.json');
}
