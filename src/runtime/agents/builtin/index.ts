import type { AgentRunner } from '../agent-runner.js';
import { bddScaffolder } from './bdd-scaffolder.js';
import { qaValidator } from './qa-validator.js';

/**
 * The built-in agents, by the name `planning/agents.yaml` gives them (`executor: {type: builtin,
 * name: …}`).
 */
export const builtinAgents: Readonly<Record<string, AgentRunner>> = {
  'bdd-scaffolder': bddScaffolder,
  'qa-validator': qaValidator,
};

export { bddScaffolder, qaValidator };
