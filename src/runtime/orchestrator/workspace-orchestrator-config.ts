import { loadMachines, type Workspace } from '../../artifacts/index.js';
import { compileMachine } from '../../domain/fsm/index.js';
import { orchestratorDefaults, type OrchestratorConfig } from '../../domain/orchestrator/index.js';
import { checkApprover } from '../../domain/planning/index.js';

/** The orchestrator's config for a workspace: its machines (replacements or defaults), agents and governance. */
export async function workspaceOrchestratorConfig(workspace: Workspace): Promise<OrchestratorConfig> {
  const machines = await loadMachines(workspace);
  return {
    sprintMachine: compileMachine(machines.sprint),
    milestoneMachine: compileMachine(machines.milestone),
    agents: workspace.agents,
    planningMode: workspace.governance.planningMode,
    checkpointEvery: workspace.governance.checkpointEvery ?? orchestratorDefaults.checkpointEvery,
    maxGateRetries: workspace.governance.maxGateRetries ?? orchestratorDefaults.maxGateRetries,
    deploymentFreeze: workspace.governance.deploymentFreeze,
    approvers: workspace.governance.users.filter((user) => checkApprover(workspace.governance, user.id).allowed).map((user) => user.id),
  };
}
