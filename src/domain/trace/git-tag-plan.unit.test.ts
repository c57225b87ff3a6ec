import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultMachine } from '../../artifacts/state-machine/load-machines.js';
import { compileMachine } from '../fsm/compile-machine.js';
import type { Board } from '../orchestrator/board.js';
import type { OrchestratorConfig } from '../orchestrator/orchestrator-config.js';
import type { GitHistory, GitTag } from './git-history.js';
import { planGitTags, sprintTagName } from './git-tag-plan.js';
import { plannedSprint } from './testing/trace-board.js';

let config: OrchestratorConfig;
beforeAll(async () => {
  config = { sprintMachine: compileMachine(await loadDefaultMachine('sprint')), milestoneMachine: compileMachine(await loadDefaultMachine('milestone')), agents: [], planningMode: 'autonomous', checkpointEvery: 0, maxGateRetries: 2 };
});

const history = (tags: GitTag[] = []): GitHistory => ({
  repository: '/repo',
  mainBranch: 'main',
  mainLine: ['tip', 'm3', 'b0'],
  commits: [
    { sha: 'tip', parents: ['m3'], message: 'Docs' },
    { sha: 'm3', parents: ['b0', 'w3'], message: 'Merge feature/booking/sprint-3 [trace:trace-abc123 sprint:sprint-3]' },
    { sha: 'b0', parents: [], message: 'Initial commit' },
  ],
  branches: [],
  tags,
});

/** sprint-3 closed at some position; mvp-core completed at position 40 when `completed`. */
function closedBoard(completed = false): Board {
  const sim = plannedSprint(config);
  sim.emit('sprint-sprint-3', 'SprintClosed', { sprintId: 'sprint-3' }, { sprintId: 'sprint-3' }, 'trace-abc123');
  const board = sim.run().board;
  if (completed) {
    const milestone = board.milestones.get('mvp-core')!;
    board.milestones.set('mvp-core', { ...milestone, lastTransition: { from: 'GateCheck', to: 'Completed', on: 'AllSprintsClosed', eventId: 'e40', position: 40, occurredAt: '2026-01-01T00:00:00Z' } });
  }
  return board;
}

describe('planGitTags', () => {
  it('tags a closed sprint on its last main-line commit with its traceId, and records it as VersionTagged', () => {
    const plan = planGitTags(closedBoard(), history());
    expect(plan.existing).toEqual([]);
    expect(plan.create).toHaveLength(1);
    const [tag] = plan.create;
    expect(tag).toMatchObject({ name: 'sprint-3-complete', target: 'm3' });
    expect(tag?.message).toMatch(/^Sprint sprint-3 complete\n\ntraceId: trace-abc123\nsprintId: sprint-3\nmilestoneId: mvp-core\nevent: SprintClosed at log position \d+\n\n\[trace:trace-abc123 sprint:sprint-3\]$/);
    expect(tag?.recorded).toMatchObject({ streamId: 'sprint-sprint-3', event: { type: 'VersionTagged', sprintId: 'sprint-3', traceId: 'trace-abc123', data: { tag: 'sprint-3-complete', commit: 'm3', created: true } } });
  });

  it('leaves an existing tag of that name alone and reports it; its own earlier tag is only recorded again', () => {
    const board = closedBoard();
    const foreign = planGitTags(board, history([{ name: 'sprint-3-complete', target: 'b0', annotated: false }]));
    expect(foreign.create).toEqual([]);
    expect(foreign.existing[0]?.recorded.event.data).toMatchObject({ created: false, commit: 'b0', reason: expect.stringMatching(/already exists .*left alone/) });
    const message = planGitTags(board, history()).create[0]!.message;
    const ours = planGitTags(board, history([{ name: 'sprint-3-complete', target: 'm3', annotated: true, message }]));
    expect(ours.create).toEqual([]);
    expect(ours.existing[0]?.recorded.event).toMatchObject({ type: 'VersionTagged', data: { created: true } });
    expect(ours.existing[0]?.recorded.event.eventId).toBe(planGitTags(board, history()).create[0]?.recorded.event.eventId);
  });

  it('tags a completed milestone <milestone>-v<n> with the next free n, once per completion', () => {
    const board = closedBoard(true);
    const first = planGitTags(board, history()).create.find((tag) => tag.name.startsWith('mvp-core'));
    expect(first).toMatchObject({ name: 'mvp-core-v1', target: 'm3' });
    expect(first?.message).toContain('event: MilestoneCompleted at log position 40');
    const taken = planGitTags(board, history([{ name: 'mvp-core-v1', target: 'b0', annotated: true, message: 'an older release' }, { name: 'mvp-core-vX', target: 'b0', annotated: false }]));
    expect(taken.create.find((tag) => tag.name.startsWith('mvp-core'))?.name).toBe('mvp-core-v2');
    const done = planGitTags(board, history([{ name: 'mvp-core-v1', target: 'm3', annotated: true, message: first!.message }]));
    expect(done.create.filter((tag) => tag.name.startsWith('mvp-core'))).toEqual([]);
  });

  it('tags nothing in an empty repository; names sprint tags the spec way', () => {
    expect(planGitTags(closedBoard(true), { ...history(), mainLine: [], commits: [] })).toEqual({ create: [], existing: [] });
    expect(sprintTagName('sprint-3')).toBe('sprint-3-complete');
    expect(sprintTagName('mvp1')).toBe('sprint-mvp1-complete');
  });
});
