import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateText } from '../artifacts/validation/validate-text.js';
import { describeWithGit } from '../integrations/git/testing/git-repository.js';
import { runKairos, tempDir } from './testing/run-kairos.js';

/**
 * A command agent that works the way the spec's git strategy says: the developer commits each
 * feature on `feature/<feature>/<sprint>` with `[trace:… sprint:… feature:…]` and merges it into
 * main, reporting only the file (the commits and the merge reach the log from git); QA reports
 * tests and coverage.
 */
const agentScript = `
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
let input = '';
process.stdin.on('data', (chunk) => (input += chunk)).on('end', () => {
  const context = JSON.parse(input);
  const git = (...args) => execFileSync('git', args, { cwd: context.workspace, encoding: 'utf8' }).trim();
  const say = (type, data = {}, featureId) => console.log(JSON.stringify({ type, data, ...(featureId ? { featureId } : {}) }));
  switch (context.role + '@' + context.currentState) {
    case 'qa@ValidatingScope': say('SprintTestPlanReady', { sprintId: context.sprintId }); break;
    case 'devops-engineer@ValidatingInfra': say('SprintInfraReady', { sprintId: context.sprintId }); break;
    case 'backend-developer@Active':
      for (const f of context.features) {
        const branch = 'feature/' + f.toLowerCase() + '/' + context.sprintId;
        git('switch', '-q', '-c', branch);
        mkdirSync(context.workspace + '/src', { recursive: true });
        writeFileSync(context.workspace + '/src/' + f + '.ts', 'export const feature = ' + JSON.stringify(f) + ';\\n');
        git('add', 'src/' + f + '.ts');
        git('commit', '-q', '-m', 'Add ' + f + ' [trace:' + context.traceId + ' sprint:' + context.sprintId + ' feature:' + f + ']');
        git('switch', '-q', 'main');
        git('merge', '-q', '--no-ff', '-m', 'Merge ' + branch, branch);
        say('ArtifactProduced', { path: 'src/' + f + '.ts' }, f);
        say('FeatureStatusChanged', { status: 'completed' }, f);
      }
      break;
    case 'qa@Verifying':
      for (const f of context.features) { say('TestRunCompleted', { suite: f + '.spec.ts', passed: 4, failed: 0 }, f); say('CoverageReported', { coverage: 95 }, f); }
      break;
  }
});
`;

/** One milestone whose gates need the merged pull requests and a complete trace matrix; its sprint needs passing tests. */
function workspace(gitSection = 'git:\n  tags: true\n'): string {
  const dir = tempDir('kairos-trace-');
  mkdirSync(join(dir, 'planning'));
  mkdirSync(join(dir, 'agents'));
  writeFileSync(join(dir, 'agents', 'agent.mjs'), agentScript);
  const agent = (id: string): string => `  - id: ${id}\n    roles: [${id}]\n    skills: [Work]\n    executor: { type: command, command: [node, agents/agent.mjs] }\n    timeoutMs: 30000\n`;
  writeFileSync(join(dir, 'planning', 'agents.yaml'), `agents:\n${['qa', 'devops-engineer', 'backend-developer', 'test-generator'].map(agent).join('')}`);
  writeFileSync(join(dir, 'planning', 'factory-governance.yaml'), 'planningMode: autonomous\n');
  writeFileSync(join(dir, 'planning', 'features.yaml'), ['Booking', 'Notify'].map((id) => `- featureId: ${id}\n  title: Feature ${id}\n  priority: P1\n`).join(''));
  writeFileSync(join(dir, 'planning', 'milestones.yaml'), 'milestones:\n  - id: mvp-core\n    features: [Booking, Notify]\n    gateConditions: [allPullRequestsMerged, traceMatrixComplete]\n');
  writeFileSync(join(dir, 'planning', 'sprints.yaml'), 'sprints:\n  - id: sprint-1\n    milestone: mvp-core\n    features: [Booking, Notify]\n    agents: [backend-developer, qa]\n    gates: [testsPassed]\n');
  writeFileSync(join(dir, 'planning', 'pipeline.yaml'), gitSection);
  const git = (...args: string[]): string => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Agent');
  git('config', 'user.email', 'agent@example.com');
  git('config', 'commit.gpgsign', 'false');
  writeFileSync(join(dir, '.gitignore'), '.kairos/\nexecution/\n');
  git('add', '.');
  git('commit', '-q', '-m', 'Initial commit');
  return dir;
}

const git = (dir: string, ...args: string[]): string => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
const eventCount = (dir: string): number => runKairos(['events', '--json'], dir).stdout.trim().split('\n').length;

describeWithGit('traceability with a real git repository (kairos run, kairos trace)', () => {
  it('links commits and merged branches into the trace matrix, completes the milestone on them, tags it, and reading again adds nothing', () => {
    const dir = workspace();
    const run = runKairos(['run', '--until', 'idle'], dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/tagged sprint-1-complete/);
    expect(run.stdout).toMatch(/tagged mvp-core-v1/);
    expect(run.stdout).toMatch(/mvp-core\s+Completed/);

    const matrix = JSON.parse(readFileSync(join(dir, 'execution', 'sprint-1', 'sprint-trace-matrix.json'), 'utf8')) as { complete: boolean; traceId: string; tags: string[]; features: { id: string; files: string[]; commits: string[]; tests: string[]; pullRequests: string[]; coverage: string; status: string }[] };
    expect(matrix.complete).toBe(true);
    expect(matrix.tags).toEqual(['sprint-1-complete']);
    const booking = matrix.features.find((row) => row.id === 'Booking');
    const bookingCommit = git(dir, 'rev-parse', 'feature/booking/sprint-1');
    expect(booking).toMatchObject({ files: ['src/Booking.ts'], tests: ['Booking.spec.ts'], pullRequests: ['feature/booking/sprint-1'], coverage: '95%', status: 'complete' });
    expect(booking?.commits).toContain(bookingCommit);
    expect(validateText(readFileSync(join(dir, 'execution', 'sprint-1', 'sprint-trace-matrix.json'), 'utf8'), 'sprint-trace-matrix.json').diagnostics).toEqual([]);
    expect(parse(readFileSync(join(dir, 'execution', 'sprint-1', 'feature-test-link.yaml'), 'utf8'))).toEqual([
      { featureId: 'Booking', tests: ['Booking.spec.ts'], status: 'complete', coverage: '95%' },
      { featureId: 'Notify', tests: ['Notify.spec.ts'], status: 'complete', coverage: '95%' },
    ]);

    expect(git(dir, 'cat-file', '-t', 'sprint-1-complete')).toBe('tag');
    expect(git(dir, 'tag', '-l', '--format=%(contents)', 'sprint-1-complete')).toContain(`traceId: ${matrix.traceId}`);
    expect(git(dir, 'cat-file', '-t', 'mvp-core-v1')).toBe('tag');
    const tagged = runKairos(['events', '--json'], dir).stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string; data: Record<string, unknown> }).filter((event) => event.type === 'VersionTagged');
    expect(tagged.map((event) => [event.data['tag'], event.data['created']])).toEqual([['sprint-1-complete', true], ['mvp-core-v1', true]]);

    const before = eventCount(dir);
    const again = runKairos(['run', '--until', 'idle'], dir);
    expect(again.status).toBe(0);
    expect(again.stdout).not.toMatch(/tagged/);
    expect(eventCount(dir)).toBe(before);
    expect(git(dir, 'tag', '-l').split('\n')).toEqual(['mvp-core-v1', 'sprint-1-complete']);

    const replay = runKairos(['replay', '--verify'], dir);
    expect(replay.stderr).toBe('');
    expect(replay.status).toBe(0);
  });

  it('walks back from a file, a commit prefix, a test and an execution, forward from a sprint, and says what it cannot find', () => {
    const dir = workspace('git:\n  tags: false\n');
    expect(runKairos(['run', '--until', 'idle'], dir).status).toBe(0);
    expect(git(dir, 'tag', '-l')).toBe('');

    const file = runKairos(['trace', 'src/Booking.ts'], dir);
    expect(file.stderr).toBe('');
    expect(file.status).toBe(0);
    expect(file.stdout).toMatch(/^file src\/Booking.ts\n {2}← feature Booking · sprint sprint-1 · milestone mvp-core\n {2}← agent backend-developer · skill Work · execution exec:sprint-1#\d+:backend-developer\n {2}← trace trace-/);
    expect(file.stdout).toMatch(/ArtifactProduced\s+sprint-sprint-1\s+Booking backend-developer/);
    expect(file.stdout).toMatch(/AgentExecutionCompleted/);

    const sha = git(dir, 'rev-parse', 'feature/notify/sprint-1');
    const commit = JSON.parse(runKairos(['trace', sha.slice(0, 7), '--json'], dir).stdout) as { ref: string; walks: { kind: string; id: string; features: string[]; sprints: string[]; milestones: string[]; events: { type: string }[] }[] };
    expect(commit.walks).toHaveLength(1);
    expect(commit.walks[0]).toMatchObject({ kind: 'commit', id: sha, features: ['Notify'], sprints: ['sprint-1'], milestones: ['mvp-core'] });
    expect(commit.walks[0]?.events.map((event) => event.type)).toEqual(expect.arrayContaining(['ArtifactProduced', 'PullRequestCreated']));

    expect(runKairos(['trace', 'Notify.spec.ts'], dir).stdout).toMatch(/^test Notify.spec.ts\n {2}← feature Notify · sprint sprint-1 · milestone mvp-core/);

    const sprint = runKairos(['trace', 'sprint-1'], dir);
    expect(sprint.stdout).toMatch(/^sprint sprint-1\n {2}← milestone mvp-core\n/);
    expect(sprint.stdout).toMatch(/→ feature Booking: complete, coverage 95%\n\s+files: src\/Booking.ts\n\s+tests: Booking.spec.ts\n\s+commits: [0-9a-f]{12}/);
    expect(sprint.stdout).toMatch(/pull requests: feature\/notify\/sprint-1/);

    const execution = /execution (exec:sprint-1#\d+:backend-developer)/.exec(file.stdout)?.[1] as string;
    const forward = runKairos(['trace', execution], dir);
    expect(forward.stdout).toMatch(/→ files src\/Booking.ts, src\/Notify.ts/);

    const unknown = runKairos(['trace', 'Bokking'], dir);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/nothing in the log is named "Bokking" \(did you mean Booking/);
  });

  it('leaves a tag someone else made where it is, and reports it', () => {
    const dir = workspace();
    const first = git(dir, 'rev-parse', 'HEAD');
    git(dir, 'tag', 'sprint-1-complete', first);
    const run = runKairos(['run', '--until', 'idle'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/tagged sprint-1-complete/);
    expect(git(dir, 'rev-parse', 'sprint-1-complete')).toBe(first);
    const events = runKairos(['events', '--json'], dir).stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string; data: Record<string, unknown> });
    expect(events.find((event) => event.type === 'VersionTagged' && event.data['tag'] === 'sprint-1-complete')?.data).toMatchObject({ created: false, reason: expect.stringMatching(/already exists.*left alone/) });
  });
});
