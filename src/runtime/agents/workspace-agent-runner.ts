import type { Agent } from '../../domain/planning/index.js';
import type { AgentOutcome, AgentRunner } from './agent-runner.js';
import { runCommandAgent } from './command-agent.js';
import { runHttpAgent, type HttpAgentOptions } from './http-agent.js';

/**
 * Runs each execution with the executor its agent declares in `planning/agents.yaml`. Command
 * and http agents run here (`http` with the result callbacks of the process hosting the server,
 * if any); an executor this version cannot run yet is a failed execution saying so.
 */
export function workspaceAgentRunner(agents: readonly Agent[], builtins: Readonly<Record<string, AgentRunner>> = {}, http: HttpAgentOptions = {}): AgentRunner {
  const byId = new Map(agents.map((agent) => [agent.id, agent]));
  return {
    run(request, context): Promise<AgentOutcome> {
      const agent = byId.get(request.agentId);
      if (agent === undefined) return Promise.resolve({ status: 'failed', reason: `agent ${request.agentId} is not in planning/agents.yaml` });
      const executor = agent.executor;
      switch (executor.type) {
        case 'command':
          return runCommandAgent(executor, request, context, agent.timeoutMs);
        case 'builtin': {
          const builtin = Object.hasOwn(builtins, executor.name) ? builtins[executor.name] : undefined;
          if (builtin === undefined) return Promise.resolve({ status: 'failed', reason: `the built-in agent ${executor.name} is not available in this version of Kairos` });
          return builtin.run(request, context);
        }
        case 'http':
          return runHttpAgent(executor, request, context, agent.timeoutMs, agent.retry, http);
      }
    },
  };
}
