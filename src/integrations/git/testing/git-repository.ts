import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe } from 'vitest';
import { requireTool, type ToolLookup } from '../../../testing/index.js';

/** git, on the PATH. */
export const gitLookup: ToolLookup = { name: 'git', variable: 'KAIROS_GIT', install: 'apt-get install git' };

/**
 * `describe` for tests that need a real git: skipped (saying why) where git is absent; with
 * `KAIROS_REQUIRE_ALL=1` (CI) an absent git fails the test file instead.
 */
export const describeWithGit = describe.skipIf(requireTool(gitLookup) === undefined);

/** A real repository in a temporary folder, with its own identity (nothing global is relied on). */
export class TestRepository {
  constructor(readonly folder: string) {}

  /** `git init -b main` in a fresh temporary folder (or `folder`). */
  static create(folder = mkdtempSync(join(tmpdir(), 'kairos-git-'))): TestRepository {
    const repository = new TestRepository(folder);
    repository.git('init', '-q', '-b', 'main');
    repository.git('config', 'user.name', 'Test Author');
    repository.git('config', 'user.email', 'author@example.com');
    repository.git('config', 'commit.gpgsign', 'false');
    repository.git('config', 'tag.gpgsign', 'false');
    return repository;
  }

  git(...args: string[]): string {
    return execFileSync('git', ['-C', this.folder, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  }

  /** Writes `files` and commits them with `message` on the current branch; the new sha. */
  commit(message: string, files: Record<string, string> = {}): string {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(this.folder, path)), { recursive: true });
      writeFileSync(join(this.folder, path), text);
    }
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  /** Creates `branch` from the current commit and switches to it. */
  branch(branch: string): void {
    this.git('switch', '-q', '-c', branch);
  }

  switch(branch: string): void {
    this.git('switch', '-q', branch);
  }

  /** Merges `branch` into the current branch with a merge commit; the merge's sha. */
  merge(branch: string, message = `Merge ${branch}`): string {
    this.git('merge', '-q', '--no-ff', '-m', message, branch);
    return this.git('rev-parse', 'HEAD');
  }
}
