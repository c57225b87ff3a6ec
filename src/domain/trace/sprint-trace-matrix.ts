import { requiredFeatures } from '../evidence/required-features.js';
import type { SprintRecord } from '../orchestrator/board.js';
import { featureTrace, gitTagsOf, type FeatureTrace, type TraceLink } from './feature-trace.js';

/** Where a feature of the matrix stands: every link present, some missing, or deferred out of the gates. */
export const FeatureTraceStatus = { Complete: 'complete', Incomplete: 'incomplete', Deferred: 'deferred' } as const;
export type FeatureTraceStatus = (typeof FeatureTraceStatus)[keyof typeof FeatureTraceStatus];

/** One feature of `sprint-trace-matrix.json` (the spec's row, with the links it lacks). */
export interface TraceMatrixFeature {
  id: string;
  traceId: string;
  files: string[];
  tests: string[];
  commits: string[];
  agents: string[];
  skills: string[];
  pullRequests: string[];
  /** The last of its images (sorted); all of them in `images` when there are several. */
  imageId?: string;
  images?: string[];
  /** `"94%"`, as the spec writes it. */
  coverage?: string;
  /** Git tags on its commits. */
  tags?: string[];
  status: FeatureTraceStatus;
  missing: TraceLink[];
}

/** `execution/<sprintId>/sprint-trace-matrix.json`: features → agents → files → commits → tests → images. */
export interface SprintTraceMatrix {
  sprintId: string;
  milestoneId?: string;
  traceId: string;
  /** Every feature the gates require links a file, a commit, a test and its coverage. */
  complete: boolean;
  features: TraceMatrixFeature[];
  /** Git tags on the sprint's commits that name no feature (`sprint-3-complete`). */
  tags?: string[];
}

/**
 * The trace matrix of a sprint, read from its evidence: one row per in-scope feature (plan order;
 * deferred ones marked), each with its files, tests, commits, agents, images and coverage. Pure and
 * deterministic: the same board gives the same matrix, so a replay writes the same bytes.
 *
 * @example sprintTraceMatrix(board.sprints.get('sprint-3')!).features[0]?.commits
 */
export function sprintTraceMatrix(sprint: SprintRecord): SprintTraceMatrix {
  const { required, deferred } = requiredFeatures(sprint.evidence);
  const isDeferred = new Set(deferred);
  const order = sprint.evidence.scope.features.length > 0 ? sprint.evidence.scope.features : [...required, ...deferred].sort();
  const features = order.map((featureId) => matrixRow(featureTrace(sprint.evidence, featureId), sprint.traceId, isDeferred.has(featureId)));
  const matrix: SprintTraceMatrix = {
    sprintId: sprint.id,
    traceId: sprint.traceId,
    complete: required.length > 0 && features.every((row) => row.status !== FeatureTraceStatus.Incomplete),
    features,
  };
  if (sprint.milestoneId !== undefined) matrix.milestoneId = sprint.milestoneId;
  const tags = gitTagsOf(sprint.evidence.unattributed.commits);
  if (tags.length > 0) matrix.tags = tags;
  return matrix;
}

function matrixRow(trace: FeatureTrace, traceId: string, deferred: boolean): TraceMatrixFeature {
  const row: TraceMatrixFeature = {
    id: trace.featureId,
    traceId,
    files: trace.files,
    tests: trace.tests,
    commits: trace.commits,
    agents: trace.agents,
    skills: trace.skills,
    pullRequests: trace.pullRequests,
    status: deferred ? FeatureTraceStatus.Deferred : trace.missing.length === 0 ? FeatureTraceStatus.Complete : FeatureTraceStatus.Incomplete,
    missing: trace.missing,
  };
  const lastImage = trace.imageIds.at(-1);
  if (lastImage !== undefined) row.imageId = lastImage;
  if (trace.imageIds.length > 1) row.images = trace.imageIds;
  if (trace.coverage !== undefined) row.coverage = `${Math.round(trace.coverage * 100) / 100}%`;
  if (trace.tags.length > 0) row.tags = trace.tags;
  return row;
}
