import type { OrchestratorConfig } from '../../orchestrator/orchestrator-config.js';
import { Simulation } from '../../orchestrator/testing/simulation.js';

/** A simulation with sprint `sprint-3` of milestone `mvp-core` (features BookingFlow, Notify) planned under `trace-abc123`. */
export function plannedSprint(config: OrchestratorConfig, sprintId = 'sprint-3'): Simulation {
  const sim = new Simulation(config);
  sim.emit('milestone-mvp-core', 'MilestonePlanCreated', { milestoneId: 'mvp-core', gateConditions: [], triggers: [], versionTag: 'mvp-v1' }, { milestoneId: 'mvp-core' }, 'trace-plan');
  sim.emit(`sprint-${sprintId}`, 'SprintPlanned', { sprintId, milestone: 'mvp-core', features: ['BookingFlow', 'Notify'], agents: [] }, { sprintId, milestoneId: 'mvp-core' }, 'trace-abc123');
  return sim;
}
