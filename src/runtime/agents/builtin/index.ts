import type { AgentRunner } from '../agent-runner.js';
import { bddScaffolder } from './bdd-scaffolder.js';
import { devopsReadiness } from './devops-readiness.js';
import { qaValidator } from './qa-validator.js';
import { securityPolicyValidator } from './security-policy-validator.js';

/**
 * The built-in agents, by the name `planning/agents.yaml` gives them (`executor: {type: builtin,
 * name: …}`).
 */
export const builtinAgents: Readonly<Record<string, AgentRunner>> = {
  'bdd-scaffolder': bddScaffolder,
  'qa-validator': qaValidator,
  'devops-readiness': devopsReadiness,
  'security-policy-validator': securityPolicyValidator,
};

export { bddScaffolder, devopsReadiness, qaValidator, securityPolicyValidator };
