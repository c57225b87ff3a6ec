import { describe, expect, it } from 'vitest';
import { createGitTag } from './create-git-tag.js';
import { GitError } from './git-error.js';
import { isGitRepository, readGitHistory } from './read-git-history.js';
import { describeWithGit, TestRepository } from './testing/git-repository.js';

describeWithGit('readGitHistory (real git)', () => {
  it('reads commits with their messages, the main line, feature branches merged or not, and tags', async () => {
    const repo = TestRepository.create();
    const base = repo.commit('Initial commit', { 'README.md': 'hello\n' });
    repo.branch('feature/booking/sprint-3');
    const work = repo.commit('Add BookAppointmentHandler [trace:trace-d8c7 sprint:sprint-3 feature:BookingFlow]', { 'src/Book.cs': 'class Book {}\n' });
    repo.switch('main');
    const merge = repo.merge('feature/booking/sprint-3');
    repo.branch('feature/notify/sprint-3');
    const open = repo.commit('Add notifier [trace:trace-d8c7 sprint:sprint-3 feature:Notify]', { 'src/Notify.cs': 'class Notify {}\n' });
    repo.switch('main');
    // git refuses `:` in a ref name: the spec's `feature:booking` tag is spelled `feature/booking`.
    repo.git('tag', 'feature/booking', work);
    repo.git('tag', '-a', 'mvp-ready-v1', '-m', 'MVP ready\n\ntraceId: trace-d8c7', merge);

    const history = await readGitHistory(repo.folder);
    expect(history.mainBranch).toBe('main');
    expect(history.mainLine).toEqual([merge, base]);
    expect(history.commits.map((commit) => commit.sha).sort()).toEqual([base, work, merge, open].sort());
    const added = history.commits.find((commit) => commit.sha === work);
    expect(added).toMatchObject({ parents: [base], message: 'Add BookAppointmentHandler [trace:trace-d8c7 sprint:sprint-3 feature:BookingFlow]', author: 'Test Author <author@example.com>' });
    expect(history.commits.find((commit) => commit.sha === merge)?.parents).toEqual([base, work]);
    expect(history.branches).toEqual([
      { name: 'feature/booking/sprint-3', tip: work, merged: true },
      { name: 'feature/notify/sprint-3', tip: open, merged: false },
    ]);
    expect(history.tags).toEqual([
      { name: 'feature/booking', target: work, annotated: false },
      { name: 'mvp-ready-v1', target: merge, annotated: true, message: 'MVP ready\n\ntraceId: trace-d8c7' },
    ]);
  });

  it('reads an empty repository as empty, and a folder without .git is not a repository', async () => {
    const repo = TestRepository.create();
    expect(isGitRepository(repo.folder)).toBe(true);
    expect(await readGitHistory(repo.folder)).toMatchObject({ mainLine: [], commits: [], branches: [], tags: [] });
  });

  it('creates an annotated tag, and never moves one that exists', async () => {
    const repo = TestRepository.create();
    const first = repo.commit('one');
    const second = repo.commit('two');
    expect(await createGitTag(repo.folder, { name: 'sprint-3-complete', target: first, message: 'Sprint sprint-3 complete\n\ntraceId: trace-1' })).toBe('created');
    expect(repo.git('cat-file', '-t', 'sprint-3-complete')).toBe('tag');
    expect(repo.git('tag', '-l', '--format=%(contents)', 'sprint-3-complete')).toContain('traceId: trace-1');
    expect(await createGitTag(repo.folder, { name: 'sprint-3-complete', target: second, message: 'again' })).toBe('exists');
    expect(repo.git('rev-parse', 'sprint-3-complete^{commit}')).toBe(first);
    expect(await createGitTag(repo.folder, { name: 'bad..name', target: second, message: 'x' })).toBe('invalid-name');
    expect(await createGitTag(repo.folder, { name: 'feature:booking', target: second, message: 'x' })).toBe('invalid-name');
  });

  it('tags with a fallback identity where the repository has none', async () => {
    const repo = TestRepository.create();
    const sha = repo.commit('one');
    repo.git('config', '--unset', 'user.email');
    repo.git('config', '--unset', 'user.name');
    const home = { HOME: repo.folder, XDG_CONFIG_HOME: repo.folder };
    const saved = { HOME: process.env['HOME'], XDG_CONFIG_HOME: process.env['XDG_CONFIG_HOME'] };
    Object.assign(process.env, home);
    try {
      expect(await createGitTag(repo.folder, { name: 'm-v1', target: sha, message: 'm' })).toBe('created');
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    expect(repo.git('tag', '-l', '--format=%(taggername)', 'm-v1')).toBe('Kairos');
  });
});

describe('git failures', () => {
  it('are a GitError naming the command and what git said', async () => {
    await expect(readGitHistory('/nonexistent-kairos-folder')).rejects.toThrow(GitError);
    await expect(readGitHistory('/nonexistent-kairos-folder')).rejects.toThrow(/git for-each-ref.*cannot change to/);
  });
});
