import type { CommitEvidence } from './scope-evidence.js';
import { firstString, isRecord, readList, readString, readStrings } from './read-json.js';

const bracketGroup = /\[([^\]]*)\]/g;
const tagWord = /^[\w.-]+:\S+$/;

/**
 * The `key:value` tags of a commit message's bracketed groups, sorted.
 *
 * @example commitTags('Add BookAppointmentHandler [trace:trace-d8c7 sprint:sprint-3]') // ['sprint:sprint-3', 'trace:trace-d8c7']
 */
export function commitTags(message: string): string[] {
  const tags = new Set<string>();
  for (const group of message.matchAll(bracketGroup)) {
    for (const word of (group[1] ?? '').split(/[\s,]+/)) if (tagWord.test(word)) tags.add(word);
  }
  return [...tags].sort();
}

/** A commit sha as written, without a `git:` prefix. */
function readSha(value: unknown): string | undefined {
  const text = readString(value);
  if (text === undefined) return undefined;
  const sha = text.startsWith('git:') ? text.slice('git:'.length).trim() : text;
  return sha.length === 0 ? undefined : sha;
}

/** One commit reference (a sha, or `{ sha, message?, tags? }`), or `undefined` when unusable. */
export function readCommit(value: unknown): CommitEvidence | undefined {
  if (!isRecord(value)) {
    const sha = readSha(value);
    return sha === undefined ? undefined : { sha, tags: [] };
  }
  const sha = readSha(value['sha'] ?? value['id'] ?? value['hash']);
  if (sha === undefined) return undefined;
  const message = firstString(value, ['message']);
  const tags = new Set([...readStrings(value['tags']), ...(message === undefined ? [] : commitTags(message))]);
  const commit: CommitEvidence = { sha, tags: [...tags].sort() };
  if (message !== undefined) commit.message = message;
  return commit;
}

/** Every usable commit reference of the given values (single refs or lists). */
export function readCommits(...values: unknown[]): CommitEvidence[] {
  const out: CommitEvidence[] = [];
  for (const value of values) {
    for (const item of readList(value)) {
      const commit = readCommit(item);
      if (commit !== undefined) out.push(commit);
    }
  }
  return out;
}

/**
 * Two records of one commit as one: tags united; of two different messages the smaller one is kept
 * (a sha fixes its message, so two only differ in bad data, and any fixed choice keeps the fold
 * independent of event order).
 */
export function mergeCommit(existing: CommitEvidence, incoming: CommitEvidence): CommitEvidence {
  const tags = incoming.tags.every((tag) => existing.tags.includes(tag)) ? existing.tags : [...new Set([...existing.tags, ...incoming.tags])].sort();
  const message =
    existing.message === undefined ? incoming.message : incoming.message === undefined || existing.message <= incoming.message ? existing.message : incoming.message;
  if (tags === existing.tags && message === existing.message) return existing;
  const merged: CommitEvidence = { sha: existing.sha, tags };
  if (message !== undefined) merged.message = message;
  return merged;
}
