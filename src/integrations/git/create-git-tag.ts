import { GitError } from './git-error.js';
import { runGit } from './run-git.js';

/** What became of a tag asked for: made, already there (left alone: a tag never moves), or refused as a name. */
export type TagOutcome = 'created' | 'exists' | 'invalid-name';

/** Identity for the tagger when the repository has none configured. */
const fallbackIdentity = ['-c', 'user.name=Kairos', '-c', 'user.email=kairos@kairos.invalid'];

/**
 * Creates the annotated tag `name` on `target` with `message`, unless a tag of that name exists:
 * that one is never moved or deleted (no `--force`, ever). Unsigned; the repository's identity
 * is the tagger's, else `Kairos`.
 *
 * @throws GitError when git fails for another reason (an unknown target, a broken repository).
 */
export async function createGitTag(repository: string, tag: { name: string; target: string; message: string }): Promise<TagOutcome> {
  if ((await runGit(repository, ['check-ref-format', `refs/tags/${tag.name}`])).exitCode !== 0) return 'invalid-name';
  if ((await runGit(repository, ['rev-parse', '-q', '--verify', `refs/tags/${tag.name}`])).exitCode === 0) return 'exists';
  const identity = (await runGit(repository, ['config', '--get', 'user.email'])).exitCode === 0 ? [] : fallbackIdentity;
  const created = await runGit(repository, [...identity, '-c', 'tag.gpgSign=false', 'tag', '-a', tag.name, '-m', tag.message, tag.target]);
  if (created.exitCode === 0) return 'created';
  // Made by someone else between the check and now: theirs stands.
  if ((await runGit(repository, ['rev-parse', '-q', '--verify', `refs/tags/${tag.name}`])).exitCode === 0) return 'exists';
  throw new GitError(['tag', '-a', tag.name, tag.target], created.stderr.trim() || `exit code ${created.exitCode}`);
}
