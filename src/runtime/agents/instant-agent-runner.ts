import { loadDefaultMachine } from '../../artifacts/index.js';
import { compileMachine } from '../../domain/fsm/index.js';
import { orchestratorDefaults, type ExecutionRequest, type OrchestratorConfig } from '../../domain/orchestrator/index.js';
import { defaultRetryPolicy, type Agent } from '../../domain/planning/index.js';
import type { AgentOutcome, AgentReport, AgentRunner } from './agent-runner.js';

/**
 * Agents that answer every activation of the default sprint machine at once, as if all went
 * well: QA confirms the test plan, DevOps the infrastructure, developers complete every feature
 * with a file and a commit, test generators add tests, QA reports green runs with full coverage.
 * For benchmarks and dry runs of a plan's flow; it writes nothing.
 */
export const instantAgentRunner: AgentRunner = {
  run: (request) => Promise.resolve(instantOutcome(request)),
};

/** What the instant agents report for one execution. */
export function instantOutcome(request: ExecutionRequest): AgentOutcome {
  const perFeature = (make: (featureId: string) => AgentReport[]): AgentReport[] => request.features.flatMap(make);
  switch (`${request.role}@${request.currentState}`) {
    case 'qa@ValidatingScope':
      return done([{ type: 'SprintTestPlanReady', data: { sprintId: request.sprintId, features: [...request.features] } }]);
    case 'devops-engineer@ValidatingInfra':
      return done([{ type: 'SprintInfraReady', data: { sprintId: request.sprintId } }]);
    case 'backend-developer@Active':
      return done(perFeature((featureId) => [
        { type: 'ArtifactProduced', featureId, data: { path: `src/${featureId}.ts` } },
        { type: 'FeatureStatusChanged', featureId, data: { status: 'completed' } },
      ]));
    case 'backend-developer@RetryPhase':
      return done([{ type: 'PatchEmitted', data: { sprintId: request.sprintId } }]);
    case 'test-generator@Active':
      return done([{ type: 'TestCasesGenerated', data: { sprintId: request.sprintId, files: request.features.map((featureId) => `tests/${featureId}.feature`) } }]);
    case 'qa@Verifying':
      return done(perFeature((featureId) => [
        { type: 'TestRunCompleted', featureId, data: { suite: `${featureId}.feature`, passed: 3, failed: 0 } },
        { type: 'CoverageReported', featureId, data: { coverage: 100 } },
      ]));
    default:
      return done([]);
  }
}

function done(reports: AgentReport[]): AgentOutcome {
  return { status: 'completed', reports };
}

/** The roles the instant agents answer for: those the default sprint machine activates. */
export const instantAgentRoles = ['qa', 'devops-engineer', 'backend-developer', 'test-generator'] as const;

/**
 * An orchestrator config for the instant agents: the default machines, one built-in agent per
 * role of {@link instantAgentRoles} (without a concurrency limit), the default governance knobs
 * (assisted planning).
 */
export async function instantAgentsConfig(): Promise<OrchestratorConfig> {
  // No concurrency limit: they take no time, and what is measured is the orchestrator, not a queue.
  const agents = instantAgentRoles.map((id): Agent => ({ id, roles: [id], skills: ['Work'], executor: { type: 'builtin', name: id }, retry: defaultRetryPolicy, concurrency: Number.MAX_SAFE_INTEGER, extra: {} }));
  return {
    sprintMachine: compileMachine(await loadDefaultMachine('sprint')),
    milestoneMachine: compileMachine(await loadDefaultMachine('milestone')),
    agents,
    planningMode: orchestratorDefaults.planningMode,
    checkpointEvery: orchestratorDefaults.checkpointEvery,
    maxGateRetries: orchestratorDefaults.maxGateRetries,
  };
}
