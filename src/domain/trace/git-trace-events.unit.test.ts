import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultMachine } from '../../artifacts/state-machine/load-machines.js';
import { compileMachine } from '../fsm/compile-machine.js';
import type { OrchestratorConfig } from '../orchestrator/orchestrator-config.js';
import type { Simulation } from '../orchestrator/testing/simulation.js';
import type { GitHistory } from './git-history.js';
import { gitTraceEvents } from './git-trace-events.js';
import { sprintTraceMatrix } from './sprint-trace-matrix.js';
import { plannedSprint } from './testing/trace-board.js';

let config: OrchestratorConfig;
beforeAll(async () => {
  config = { sprintMachine: compileMachine(await loadDefaultMachine('sprint')), milestoneMachine: compileMachine(await loadDefaultMachine('milestone')), agents: [], planningMode: 'autonomous', checkpointEvery: 0, maxGateRetries: 2 };
});

/** main: base ← merge(work on feature/booking/sprint-3); feature/notify/sprint-3 open; a stray commit naming an unknown sprint. */
const history: GitHistory = {
  repository: '/repo',
  mainBranch: 'main',
  mainLine: ['m1', 'b0'],
  commits: [
    { sha: 'n1', parents: ['m1'], message: 'Add notifier [trace:trace-abc123 sprint:sprint-3 feature:Notify]' },
    { sha: 'x9', parents: ['m1'], message: 'Elsewhere [sprint:sprint-99]' },
    { sha: 'm1', parents: ['b0', 'w1'], message: 'Merge feature/booking/sprint-3' },
    { sha: 'w1', parents: ['b0'], message: 'Add BookAppointmentHandler [trace:trace-abc123 sprint:sprint-3 feature:BookingFlow]', author: 'Dev <dev@example.com>' },
    { sha: 'b0', parents: [], message: 'Initial commit' },
  ],
  branches: [
    { name: 'feature/booking/sprint-3', tip: 'w1', merged: true },
    { name: 'feature/notify/sprint-3', tip: 'n1', merged: false },
    { name: 'feature/other/sprint-7', tip: 'x9', merged: false },
    { name: 'hotfix', tip: 'x9', merged: false },
  ],
  tags: [
    { name: 'feature/booking', target: 'w1', annotated: false },
    { name: 'sprint-3-complete', target: 'm1', annotated: true, message: 'Sprint sprint-3 complete' },
    { name: 'mvp-core-v1', target: 'm1', annotated: true, message: 'MVP' },
  ],
};

function appendAll(sim: Simulation, reading: ReturnType<typeof gitTraceEvents>): Simulation {
  for (const { streamId, event } of reading.events) sim.append(streamId, event);
  return sim.run();
}

describe('gitTraceEvents', () => {
  it('links trace-tagged commits, feature branches (merged or not) and tags to the sprint and its features', () => {
    const sim = plannedSprint(config).run();
    const reading = gitTraceEvents(history, sim.board);
    expect(reading.events.map(({ streamId, event }) => [streamId, event.type, event.eventId, event.featureId ?? null])).toEqual([
      ['sprint-sprint-3', 'ArtifactProduced', 'git:n1:Notify', 'Notify'],
      ['sprint-sprint-3', 'ArtifactProduced', 'git:w1:BookingFlow', 'BookingFlow'],
      ['sprint-sprint-3', 'PullRequestCreated', 'git:branch:feature/booking/sprint-3:w1', 'BookingFlow'],
      ['sprint-sprint-3', 'PullRequestMerged', 'git:merge:feature/booking/sprint-3:w1', 'BookingFlow'],
      ['sprint-sprint-3', 'PullRequestCreated', 'git:branch:feature/notify/sprint-3:n1', 'Notify'],
      ['sprint-sprint-3', 'ArtifactProduced', 'git:tag:feature/booking:w1', 'BookingFlow'],
      ['sprint-sprint-3', 'ArtifactProduced', 'git:tag:sprint-3-complete:m1', null],
    ]);
    expect(reading.events.find((e) => e.event.type === 'PullRequestMerged')?.event.data).toMatchObject({ source: 'git', id: 'feature/booking/sprint-3', mergeCommit: 'm1' });
    expect(reading.events[1]?.event).toMatchObject({ traceId: 'trace-abc123', sprintId: 'sprint-3', milestoneId: 'mvp-core', causationId: null, data: { author: 'Dev <dev@example.com>' } });
    expect(reading.unlinkedCommits).toEqual(['x9']);
    expect(reading.unlinkedBranches).toEqual(['feature/other/sprint-7']);
  });

  it('feeds the trace matrix and the merge gate, and reading the same repository again adds nothing', () => {
    const sim = appendAll(plannedSprint(config).run(), gitTraceEvents(history, plannedSprint(config).run().board));
    const matrix = sprintTraceMatrix(sim.board.sprints.get('sprint-3')!);
    expect(matrix.features.map((row) => [row.id, row.commits, row.pullRequests])).toEqual([
      ['BookingFlow', ['m1', 'w1'], ['feature/booking/sprint-3']],
      ['Notify', ['n1'], ['feature/notify/sprint-3']],
    ]);
    const pullRequests = sim.board.sprints.get('sprint-3')!.evidence.pullRequests;
    expect(Object.values(pullRequests).map((pr) => [pr.id, pr.merged])).toEqual([
      ['feature/booking/sprint-3', true],
      ['feature/notify/sprint-3', false],
    ]);
    expect(matrix.features[0]?.tags).toEqual(['feature/booking']);
    expect(matrix.tags).toEqual(['sprint-3-complete']);
    expect(gitTraceEvents(history, sim.board).events).toEqual([]);
  });

  it('adds nothing for what the agents already reported, and merges into the pull request they named by branch', () => {
    const sim = plannedSprint(config);
    const scope = { sprintId: 'sprint-3', featureId: 'BookingFlow' };
    sim.emit('sprint-sprint-3', 'ArtifactProduced', { path: 'src/Book.cs', commit: { sha: 'w1', message: history.commits[3]!.message } }, scope);
    sim.emit('sprint-sprint-3', 'PullRequestCreated', { id: 42, branch: 'feature/booking/sprint-3', commits: ['w1'] }, scope);
    sim.run();
    const events = gitTraceEvents(history, sim.board).events.filter((e) => e.event.featureId === 'BookingFlow');
    expect(events.map((e) => [e.event.type, e.event.data['id'] ?? null])).toEqual([
      ['PullRequestMerged', '42'],
      ['ArtifactProduced', null],
    ]);
  });

  it('reads the booking example branch form feature/<sprintId>/<featureId>, and finds a sprint by its trace alone', () => {
    const sim = plannedSprint(config).run();
    const reading = gitTraceEvents(
      {
        repository: '/r',
        mainBranch: 'main',
        mainLine: ['a'],
        commits: [{ sha: 'a', parents: [], message: 'Work [trace:trace-abc123]' }],
        branches: [{ name: 'feature/sprint-3/notify', tip: 'a', merged: true }],
        tags: [],
      },
      sim.board,
    );
    expect(reading.events.map((e) => [e.event.type, e.event.sprintId, e.event.featureId ?? null])).toEqual([
      ['ArtifactProduced', 'sprint-3', null],
      ['PullRequestCreated', 'sprint-3', 'Notify'],
      ['PullRequestMerged', 'sprint-3', 'Notify'],
    ]);
  });
});
