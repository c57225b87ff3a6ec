import type { AgentRunner } from '../agent-runner.js';
import { bddScaffolder } from './bdd-scaffolder.js';

/**
 * The built-in agents, by the name `planning/agents.yaml` gives them (`executor: {type: builtin,
 * name: …}`). The planner, QA validator, DevOps readiness and security policy validator follow.
 */
export const builtinAgents: Readonly<Record<string, AgentRunner>> = {
  'bdd-scaffolder': bddScaffolder,
};

export { bddScaffolder };
