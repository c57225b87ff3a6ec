import { isTerminal, type CompiledMachine } from '../../domain/fsm/index.js';
import { machineFromConfig, type Board, type MilestoneRecord, type OrchestratorConfig, type SprintRecord } from '../../domain/orchestrator/index.js';

/** The name of the state a record's instance is in. */
export function stateOf(board: Board, config: OrchestratorConfig, record: SprintRecord | MilestoneRecord): string {
  const machine = machineOf(board, config, record);
  return machine?.states[record.instance.state] ?? `#${record.instance.state}`;
}

/** Is the record in a state it never leaves? */
export function isSettled(board: Board, config: OrchestratorConfig, record: SprintRecord | MilestoneRecord): boolean {
  const machine = machineOf(board, config, record);
  return machine !== undefined && isTerminal(machine, record.instance);
}

function machineOf(board: Board, config: OrchestratorConfig, record: SprintRecord | MilestoneRecord): CompiledMachine | undefined {
  return board.machines.forInstance(record.instance) ?? machineFromConfig(config, record.instance);
}
