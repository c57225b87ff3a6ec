import { canonicalJson } from '../events/canonical-json.js';
import { type FoldStep, prefer } from './fold-step.js';
import { normalizeOutcome } from './normalize-word.js';
import { mergeCommit, readCommits } from './read-commit.js';
import { distinctStrings, firstString, type EveryMember } from './read-json.js';
import { attributionOf, type ResolvedEvent } from './evidence-event.js';
import { changeWork, type CommitEvidence, type ProducedFile } from './scope-evidence.js';
import { addSorted, upsertSorted } from './sorted-set.js';
import { updateWork } from './update-work.js';

const singleFileKeys = ['path', 'artifact', 'output', 'file'];
const listFileKeys = ['files', 'paths'];

/** What an artifact event names: its files (as recorded), image and commits. */
interface ArtifactPayload {
  files: ProducedFile[];
  imageId: string | undefined;
  commits: CommitEvidence[];
}

/** ArtifactProduced, ArtifactReady and AgentExecutionCompleted: files, an image and commits of a feature. */
export const foldArtifact: FoldStep = (evidence, event) => {
  const payload = readArtifact(event);
  if (typeof payload === 'string') return payload;
  if (payload === undefined) return evidence;
  return updateWork(evidence, event.anchors.featureId, (work) => {
    let files = work.files;
    for (const file of payload.files) files = upsertSorted(files, file, (item) => item.path, mergeFile);
    let commitList = work.commits;
    for (const commit of payload.commits) commitList = upsertSorted(commitList, commit, (item) => item.sha, mergeCommit);
    const imageIds = payload.imageId === undefined ? work.imageIds : addSorted(work.imageIds, payload.imageId);
    if (files === work.files && commitList === work.commits && imageIds === work.imageIds) return work;
    return changeWork(work, { files, commits: commitList, imageIds });
  });
};

/** The payload of an artifact event; `undefined` for an execution that produced nothing or did not pass; a string says why the event is unusable. */
function readArtifact(event: ResolvedEvent): ArtifactPayload | undefined | string {
  const { data, type, position } = event;
  const isExecution = type === 'AgentExecutionCompleted';
  const paths = distinctStrings(data, singleFileKeys, listFileKeys);
  const imageId = firstString(data, ['imageId']);
  const commits = readCommits(data['commit'], data['commits']);
  if (paths.length === 0 && imageId === undefined && commits.length === 0) {
    // An execution may well produce nothing; an artifact event that names nothing is malformed.
    if (isExecution) return undefined;
    return `${type} names no file (path, artifact, output, file or files), image (imageId) or commit (commit, commits)`;
  }
  if (isExecution) {
    const status = firstString(data, ['status']);
    if (status !== undefined && normalizeOutcome(status) !== 'pass') return undefined;
  }
  const produced = type !== 'ArtifactReady';
  const agentId = attributionOf(event, 'agentId');
  const skillId = attributionOf(event, 'skillId');
  const executionId = attributionOf(event, 'executionId');
  const files = paths.map((path) => producedFile({ path, ready: !produced, position, produced, agentId, skillId, executionId }));
  return { files, imageId, commits };
}

/**
 * One file recorded twice: ready if either says so; attributed (agent, skill, execution) by the
 * latest ArtifactProduced, else the latest ArtifactReady.
 */
export function mergeFile(existing: ProducedFile, incoming: ProducedFile): ProducedFile {
  const winner = prefer(existing, incoming, (file) => [file.produced ? 1 : 0, file.position], attribution);
  const ready = existing.ready || incoming.ready;
  if (winner === existing && ready === existing.ready) return existing;
  return producedFile({ ...winner, ready });
}

/** A file record with every member, in one order: all file records share one V8 map (see `changeWork`). */
function producedFile(file: ProducedFile): ProducedFile {
  const copy: EveryMember<ProducedFile> = {
    path: file.path,
    ready: file.ready,
    position: file.position,
    produced: file.produced,
    agentId: file.agentId,
    skillId: file.skillId,
    executionId: file.executionId,
  };
  return copy;
}

/** What decides a tie between two attributions: everything but readiness. */
function attribution(file: ProducedFile): string {
  return canonicalJson({ ...file, ready: false });
}
