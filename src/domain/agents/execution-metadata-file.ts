import type { ExecutionMetadataRecord } from './execution-record.js';

/** How many records a module's file keeps: the latest by log position. */
export const maxExecutionRecordsKept = 1000;

/** The folders, under `metadata/`, of sprints that name no module: by milestone, else by sprint. */
export const unmoduledFolders = { milestone: '_milestones', sprint: '_sprints' } as const;

/**
 * `metadata/<moduleId>/execution-metadata.json`: the executions of one module (or, for sprints that
 * name none, of one milestone or one sprint), oldest first by log position, at most
 * {@link maxExecutionRecordsKept}.
 */
export interface ExecutionMetadataFile {
  /** The module; null for the file of sprints that name none (then `milestoneId` or `sprintId` says whose it is). */
  moduleId: string | null;
  milestoneId?: string;
  sprintId?: string;
  executions: ExecutionMetadataRecord[];
}

/** Whose executions a file holds: the module, else the milestone, else the sprint. */
export interface ExecutionMetadataOwner {
  moduleId?: string | undefined;
  milestoneId?: string | undefined;
  sprintId: string;
}

/**
 * Where the record of an execution goes, relative to the workspace (POSIX separators):
 * `metadata/<moduleId>/execution-metadata.json`; for a sprint that names no module,
 * `metadata/_milestones/<milestoneId>/…`, or `metadata/_sprints/<sprintId>/…` when it has no
 * milestone either. An id that is not a plain file name is percent-encoded.
 *
 * @example executionMetadataFile({ moduleId: 'booking', sprintId: 's1' }) // 'metadata/booking/execution-metadata.json'
 */
export function executionMetadataFile(owner: ExecutionMetadataOwner): string {
  const folder =
    owner.moduleId !== undefined
      ? fileNameOf(owner.moduleId)
      : owner.milestoneId !== undefined
        ? `${unmoduledFolders.milestone}/${fileNameOf(owner.milestoneId)}`
        : `${unmoduledFolders.sprint}/${fileNameOf(owner.sprintId)}`;
  return `metadata/${folder}/execution-metadata.json`;
}

/**
 * A file with `records` merged in: a record replaces the one of the same execution. Sorted by log
 * position; only the latest {@link maxExecutionRecordsKept} stay.
 */
export function mergeExecutionRecords(
  file: ExecutionMetadataFile | undefined,
  owner: ExecutionMetadataOwner,
  records: readonly ExecutionMetadataRecord[],
  keep: number = maxExecutionRecordsKept,
): ExecutionMetadataFile {
  const byId = new Map((file?.executions ?? []).map((record) => [record.executionId, record]));
  for (const record of records) byId.set(record.executionId, record);
  const executions = [...byId.values()].sort(byLogPosition).slice(-keep);
  if (owner.moduleId !== undefined) return { moduleId: owner.moduleId, executions };
  return owner.milestoneId !== undefined ? { moduleId: null, milestoneId: owner.milestoneId, executions } : { moduleId: null, sprintId: owner.sprintId, executions };
}

/** A file's content: pretty JSON with a final newline. */
export function formatExecutionMetadataFile(file: ExecutionMetadataFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

function byLogPosition(a: ExecutionMetadataRecord, b: ExecutionMetadataRecord): number {
  return a.logPosition - b.logPosition || (a.executionId < b.executionId ? -1 : a.executionId > b.executionId ? 1 : 0);
}

/** `id` as one folder name: itself when it is a plain name, else percent-encoded (never `.`, `..` or empty). */
function fileNameOf(id: string): string {
  if (/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(id)) return id;
  const encoded = encodeURIComponent(id).replace(/\./g, '%2E').replace(/\*/g, '%2A');
  return encoded === '' ? '%00' : encoded;
}
