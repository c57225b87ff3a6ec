import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultMachine } from '../../artifacts/state-machine/load-machines.js';
import { validateText } from '../../artifacts/validation/validate-text.js';
import { canonicalJson } from '../events/canonical-json.js';
import { compileMachine } from '../fsm/compile-machine.js';
import type { OrchestratorConfig } from '../orchestrator/orchestrator-config.js';
import { Simulation } from '../orchestrator/testing/simulation.js';
import { featureTestLinks } from './feature-test-links.js';
import { sprintTraceMatrix } from './sprint-trace-matrix.js';

let config: OrchestratorConfig;

beforeAll(async () => {
  config = {
    sprintMachine: compileMachine(await loadDefaultMachine('sprint')),
    milestoneMachine: compileMachine(await loadDefaultMachine('milestone')),
    agents: [],
    planningMode: 'autonomous',
    checkpointEvery: 0,
    maxGateRetries: 2,
  };
});

/** Given a sprint s3 of mvp-core with features BookingFlow and Notify, and the evidence events of `emit`. */
function given(emit: (sim: Simulation) => void): Simulation {
  const sim = new Simulation(config);
  sim.emit('sprint-s3', 'SprintPlanned', { sprintId: 's3', milestone: 'mvp-core', features: ['BookingFlow', 'Notify'], agents: [] }, { sprintId: 's3', milestoneId: 'mvp-core' }, 'trace-abc123');
  emit(sim);
  return sim.run();
}

const bookingFlowDone = (sim: Simulation): void => {
  const scope = { sprintId: 's3', featureId: 'BookingFlow', agentId: 'backend-developer', skillId: 'GenerateHandler', executionId: 'x1' };
  sim.emit('sprint-s3', 'ArtifactProduced', { path: 'src/BookAppointmentHandler.cs', commit: { sha: 'f23f123', message: 'Add handler [trace:trace-abc123 sprint:s3]' }, imageId: 'booking-service:1.0.3' }, scope);
  sim.emit('sprint-s3', 'TestCasesGenerated', { tests: ['book-appointment.feature'] }, { sprintId: 's3', featureId: 'BookingFlow' });
  sim.emit('sprint-s3', 'TestRunCompleted', { suite: 'BookingFlow', passed: 3, failed: 0 }, { sprintId: 's3', featureId: 'BookingFlow' });
  sim.emit('sprint-s3', 'CoverageReported', { coverage: '94%' }, { sprintId: 's3', featureId: 'BookingFlow' });
  sim.emit('sprint-s3', 'PullRequestMerged', { id: 'feature/booking/s3', mergeCommit: 'a91d3a8' }, { sprintId: 's3', featureId: 'BookingFlow' });
};

describe('sprintTraceMatrix', () => {
  it('links each feature to its files, tests, commits, agents, image and coverage, and names what is missing', () => {
    const sim = given(bookingFlowDone);
    const matrix = sprintTraceMatrix(sim.board.sprints.get('s3')!);
    expect(matrix).toEqual({
      sprintId: 's3',
      milestoneId: 'mvp-core',
      traceId: 'trace-abc123',
      complete: false,
      features: [
        {
          id: 'BookingFlow',
          traceId: 'trace-abc123',
          files: ['src/BookAppointmentHandler.cs'],
          tests: ['book-appointment.feature', 'BookingFlow'],
          commits: ['a91d3a8', 'f23f123'],
          agents: ['backend-developer'],
          skills: ['GenerateHandler'],
          pullRequests: ['feature/booking/s3'],
          imageId: 'booking-service:1.0.3',
          coverage: '94%',
          status: 'complete',
          missing: [],
        },
        { id: 'Notify', traceId: 'trace-abc123', files: [], tests: [], commits: [], agents: [], skills: [], pullRequests: [], status: 'incomplete', missing: ['file', 'commit', 'test', 'coverage'] },
      ],
    });
  });

  it('is complete once every feature links everything, deferred features aside', () => {
    const sim = given((s) => {
      bookingFlowDone(s);
      s.emit('sprint-s3', 'FeatureDeferred', { reason: 'blocked by a vendor' }, { sprintId: 's3', featureId: 'Notify' });
    });
    const matrix = sprintTraceMatrix(sim.board.sprints.get('s3')!);
    expect(matrix.features.map((row) => [row.id, row.status])).toEqual([
      ['BookingFlow', 'complete'],
      ['Notify', 'deferred'],
    ]);
    expect(matrix.complete).toBe(true);
  });

  it('is a file Kairos validates without a warning, and the feature-test links come from it', () => {
    const matrix = sprintTraceMatrix(given(bookingFlowDone).board.sprints.get('s3')!);
    const report = validateText(canonicalJson(matrix), 'sprint-trace-matrix.json');
    expect(report.kind).toBe('sprint-trace-matrix');
    expect(report.diagnostics).toEqual([]);
    expect(featureTestLinks(matrix)).toEqual([
      { featureId: 'BookingFlow', tests: ['book-appointment.feature', 'BookingFlow'], status: 'complete', coverage: '94%' },
      { featureId: 'Notify', tests: [], status: 'missing' },
    ]);
  });
});
