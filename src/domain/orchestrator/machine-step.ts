import { isRecord, type JsonRecord } from '../evidence/read-json.js';
import { compileMachine } from '../fsm/compile-machine.js';
import type { StateMachineDefinition } from '../fsm/state-machine-definition.js';
import type { ReactionDraft } from './reaction.js';

/**
 * StateMachineDefined: a machine version recorded in the log becomes the one new sprints or
 * milestones start on. Instances in flight keep theirs (the registry keeps every version). A
 * definition that does not compile changes nothing.
 */
export function recordMachine(draft: ReactionDraft, data: JsonRecord): void {
  const definition = data['definition'];
  if (!isRecord(definition)) return;
  try {
    draft.machines = draft.machines.with(compileMachine(definition as unknown as StateMachineDefinition));
  } catch {
    // An invalid definition in the log is ignored: the machine in use stays current.
  }
}
