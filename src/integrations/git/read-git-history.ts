import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GitBranch, GitCommit, GitHistory, GitTag } from '../../domain/trace/index.js';
import { gitOutput, runGit } from './run-git.js';

/** How much of a repository to read. */
export interface ReadGitHistoryOptions {
  /** The main line's branch; default `main`, else `master`, else `trunk`, else the checked-out branch. */
  mainBranch?: string;
  /** Most commits read (newest first); default 10,000. */
  maxCommits?: number;
}

/** Field and record separators of the formats below (git writes them from `%00`/`%x00` and `%1e`/`%x1e`). */
const field = '\u0000';
const record = '\u001e';
const mainBranchGuesses = ['main', 'master', 'trunk'];

/** Whether `folder` is a repository's own top folder (it holds `.git`), not merely inside one. */
export function isGitRepository(folder: string): boolean {
  return existsSync(join(folder, '.git'));
}

/**
 * Reads what Kairos links into the trace: commits reachable from branches and tags (with their
 * messages), local branches (each `feature/…` branch checked with `git merge-base --is-ancestor`
 * against the main line), tags (annotated ones with their messages, peeled to their commit), and the
 * main line's first-parent history. Plain `git` processes; an empty repository reads as empty.
 *
 * @throws GitError when git fails (not a repository, git missing).
 */
export async function readGitHistory(repository: string, options: ReadGitHistoryOptions = {}): Promise<GitHistory> {
  const maxCommits = options.maxCommits ?? 10_000;
  const refs = await gitOutput(repository, ['for-each-ref', '--format=%(refname)%00%(objectname)%00%(objecttype)%00%(*objectname)%00%(contents)%1e', 'refs/heads', 'refs/tags']);
  const heads = new Map<string, string>();
  const tags: GitTag[] = [];
  for (const entry of refs.split(record)) {
    const [ref, object, type, peeled, contents] = entry.replace(/^\n/, '').split(field);
    if (ref === undefined || object === undefined || ref === '') continue;
    if (ref.startsWith('refs/heads/')) heads.set(ref.slice('refs/heads/'.length), object);
    else if (ref.startsWith('refs/tags/')) {
      const annotated = type === 'tag';
      const tag: GitTag = { name: ref.slice('refs/tags/'.length), target: annotated && peeled !== undefined && peeled !== '' ? peeled : object, annotated };
      if (annotated && contents !== undefined) tag.message = contents.trimEnd();
      tags.push(tag);
    }
  }
  const history: GitHistory = { repository, mainLine: [], commits: [], branches: [], tags };
  const mainBranch = options.mainBranch ?? mainBranchGuesses.find((name) => heads.has(name)) ?? (await checkedOutBranch(repository));
  if (heads.size === 0) return history;
  if (mainBranch !== undefined) history.mainBranch = mainBranch;
  history.commits = await readCommits(repository, maxCommits);
  const mainTip = mainBranch === undefined ? undefined : heads.get(mainBranch);
  if (mainTip !== undefined) history.mainLine = (await gitOutput(repository, ['rev-list', '--first-parent', `--max-count=${maxCommits}`, mainTip])).split('\n').filter((sha) => sha !== '');
  for (const [name, tip] of [...heads].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (name === mainBranch) continue;
    const branch: GitBranch = { name, tip, merged: false };
    if (mainTip !== undefined && name.startsWith('feature/')) branch.merged = (await runGit(repository, ['merge-base', '--is-ancestor', tip, mainTip])).exitCode === 0;
    history.branches.push(branch);
  }
  return history;
}

async function readCommits(repository: string, maxCommits: number): Promise<GitCommit[]> {
  const text = await gitOutput(repository, ['log', '--branches', '--tags', `--max-count=${maxCommits}`, '--format=%H%x00%P%x00%an <%ae>%x00%cI%x00%B%x1e']);
  const commits: GitCommit[] = [];
  for (const entry of text.split(record)) {
    const [sha, parents, author, committedAt, message] = entry.replace(/^\n/, '').split(field);
    if (sha === undefined || sha === '' || message === undefined) continue;
    const commit: GitCommit = { sha, parents: (parents ?? '').split(' ').filter((parent) => parent !== ''), message: message.trimEnd() };
    if (author !== undefined && author !== '') commit.author = author;
    if (committedAt !== undefined && committedAt !== '') commit.committedAt = committedAt;
    commits.push(commit);
  }
  return commits;
}

async function checkedOutBranch(repository: string): Promise<string | undefined> {
  const head = await runGit(repository, ['symbolic-ref', '--short', '-q', 'HEAD']);
  const name = head.stdout.trim();
  return head.exitCode === 0 && name !== '' ? name : undefined;
}
