import type { ExecutionRequest } from '../../../domain/orchestrator/index.js';

/** An execution of the QA agent in sprint-1, as agent tests run it; `changes` replace its fields. */
export function sampleExecutionRequest(changes: Partial<ExecutionRequest> = {}): ExecutionRequest {
  return {
    executionId: 'exec:sprint-1#1:qa',
    agentId: 'qa',
    role: 'qa',
    sprintId: 'sprint-1',
    milestoneId: 'mvp-core',
    currentState: 'ValidatingScope',
    traceId: 'trace-abc123',
    correlationId: 'corr-1',
    causationId: 'sprint-1#1:SprintStarted',
    features: ['BookingFlow'],
    allowedSkills: ['ValidateCoverage'],
    ...changes,
  };
}
