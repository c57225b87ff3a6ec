import { isTerminal } from '../../domain/fsm/index.js';
import { boardMachineOf, type Board, type MilestoneRecord, type OrchestratorConfig, type SprintRecord } from '../../domain/orchestrator/index.js';

/** The name of the state a record's instance is in. */
export function stateOf(board: Board, config: OrchestratorConfig, record: SprintRecord | MilestoneRecord): string {
  const machine = boardMachineOf(board, config, record.instance);
  return machine?.states[record.instance.state] ?? `#${record.instance.state}`;
}

/** Is the record in a state it never leaves? */
export function isSettled(board: Board, config: OrchestratorConfig, record: SprintRecord | MilestoneRecord): boolean {
  const machine = boardMachineOf(board, config, record.instance);
  return machine !== undefined && isTerminal(machine, record.instance);
}
