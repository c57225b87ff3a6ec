import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultMachine } from '../../artifacts/state-machine/load-machines.js';
import { compileMachine } from '../fsm/compile-machine.js';
import type { OrchestratorConfig } from '../orchestrator/orchestrator-config.js';
import type { Simulation } from '../orchestrator/testing/simulation.js';
import { plannedSprint } from './testing/trace-board.js';
import { traceFacts } from './trace-facts.js';
import { findTraceTargets, traceNames, walkTrace } from './trace-walk.js';

let config: OrchestratorConfig;
beforeAll(async () => {
  config = { sprintMachine: compileMachine(await loadDefaultMachine('sprint')), milestoneMachine: compileMachine(await loadDefaultMachine('milestone')), agents: [], planningMode: 'autonomous', checkpointEvery: 0, maxGateRetries: 2 };
});

/** Given sprint-3 where backend-developer produced BookingFlow's handler in commit f23f1234 and QA ran its suite. */
function given(): Simulation {
  const sim = plannedSprint(config);
  const work = { sprintId: 'sprint-3', featureId: 'BookingFlow', agentId: 'backend-developer', skillId: 'GenerateHandler', executionId: 'x1' };
  sim.emit('agent-backend-developer', 'AgentExecutionStarted', {}, { sprintId: 'sprint-3', agentId: 'backend-developer', executionId: 'x1' });
  sim.emit('sprint-sprint-3', 'ArtifactProduced', { path: 'src/BookAppointmentHandler.cs', commit: 'f23f1234', imageId: 'booking-service:1.0.3' }, work);
  sim.emit('agent-backend-developer', 'AgentExecutionCompleted', { status: 'Success' }, { sprintId: 'sprint-3', agentId: 'backend-developer', executionId: 'x1' });
  sim.emit('sprint-sprint-3', 'TestRunCompleted', { suite: 'book-appointment.feature', passed: 3, failed: 0 }, { sprintId: 'sprint-3', featureId: 'BookingFlow' });
  sim.emit('sprint-sprint-3', 'CoverageReported', { coverage: 94 }, { sprintId: 'sprint-3', featureId: 'Notify' });
  return sim.run();
}

function walk(sim: Simulation, ref: string) {
  const facts = traceFacts(sim.board);
  return findTraceTargets(sim.board, facts, sim.log, ref).map((target) => walkTrace(sim.board, facts, sim.log, target));
}

describe('kairos trace: findTraceTargets and walkTrace', () => {
  it('walks back from a file (or the end of its path) to feature, sprint, milestone, agent, skill, execution, trace and the events on the way', () => {
    const sim = given();
    for (const ref of ['src/BookAppointmentHandler.cs', 'BookAppointmentHandler.cs']) {
      const [file, ...more] = walk(sim, ref);
      expect(more).toEqual([]);
      expect(file).toMatchObject({ kind: 'file', id: 'src/BookAppointmentHandler.cs', features: ['BookingFlow'], sprints: ['sprint-3'], milestones: ['mvp-core'], agents: ['backend-developer'], skills: ['GenerateHandler'], executions: ['x1'], traceIds: ['trace-abc123'] });
      expect(file?.events.map((event) => event.type)).toEqual(['AgentExecutionStarted', 'ArtifactProduced', 'AgentExecutionCompleted']);
    }
  });

  it('finds a commit by a prefix of its sha, an image and a test suite', () => {
    const sim = given();
    expect(walk(sim, 'git:f23f').map((w) => [w.kind, w.id, w.features])).toEqual([['commit', 'f23f1234', ['BookingFlow']]]);
    expect(walk(sim, 'booking-service:1.0.3').map((w) => [w.kind, w.features, w.agents])).toEqual([['image', ['BookingFlow'], ['backend-developer']]]);
    expect(walk(sim, 'book-appointment.feature').map((w) => [w.kind, w.sprints])).toEqual([['test', ['sprint-3']]]);
  });

  it('walks forward from a sprint and a feature to their trace matrix rows, and from an execution to its files', () => {
    const sim = given();
    const [sprint] = walk(sim, 'sprint-3');
    expect(sprint?.milestones).toEqual(['mvp-core']);
    expect(sprint?.produced[0]?.features.map((row) => [row.id, row.status, row.missing])).toEqual([
      ['BookingFlow', 'incomplete', ['coverage']],
      ['Notify', 'incomplete', ['file', 'commit', 'test']],
    ]);
    const [feature] = walk(sim, 'Notify');
    expect(feature?.produced).toEqual([{ sprintId: 'sprint-3', milestoneId: 'mvp-core', features: [expect.objectContaining({ id: 'Notify', coverage: '94%' })] }]);
    const execution = walk(sim, 'x1');
    expect(execution.map((w) => [w.kind, w.files])).toEqual([['execution', ['src/BookAppointmentHandler.cs']]]);
  });

  it('finds nothing for an unknown name, and knows the names to suggest', () => {
    const sim = given();
    expect(walk(sim, 'BookingFlw')).toEqual([]);
    expect(traceNames(sim.board, traceFacts(sim.board))).toEqual(expect.arrayContaining(['BookingFlow', 'BookAppointmentHandler.cs', 'sprint-3', 'mvp-core', 'x1']));
  });
});
