import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { loadWorkspace, type Workspace } from '../../../artifacts/index.js';
import { toKairosError, ValidationError } from '../../../domain/errors/index.js';
import type { ExecutionRequest } from '../../../domain/orchestrator/index.js';
import {
  assessTestPlan,
  coverageThreshold,
  planReports,
  qaErrorsJson,
  QaStage,
  qaStageOf,
  reportPathsToProbe,
  sprintTestPlanReadyData,
  testPlanFailure,
  testPlanMarkdown,
  testPlanPathsToProbe,
  verificationMarkdown,
  verifySprint,
  type PathProbe,
  type QaError,
  type QaReportHeader,
  type ReportRead,
} from '../../../domain/qa/index.js';
import { readCoverageReport, readTestReport } from '../../../integrations/test-reports/index.js';
import { sprintStatePath } from '../../orchestrator/sprint-state-path.js';
import { writeFileAtomic } from '../../orchestrator/write-file-atomic.js';
import type { AgentOutcome, AgentRunContext, AgentRunner } from '../agent-runner.js';

/** Most file names listed of one folder (`tests/features`, a `testReports` folder). */
const maxFolderEntries = 1000;

/**
 * The built-in QA validator (`qa-validator`). Its stage follows the sprint state that activated it
 * (see `qaStageOf`):
 *
 * - Before the sprint starts (ValidatingScope): checks the test trace matrix. A feature has tests
 *   when its `.feature` file exists under `tests/features/` (the BDD scaffolder's path, or a file
 *   whose name names the feature's id or title) or a test file it declares in planning/features.yaml
 *   (`testCases`) exists. Since the test generator writes tests only once the sprint is Active, a
 *   feature without tests is fine when it has acceptance criteria to generate them from. When
 *   every feature passes, it reports SprintTestPlanReady; otherwise the execution fails, naming
 *   the features that have neither tests nor criteria, and the sprint waits for a fix and
 *   `kairos retry`.
 * - From Active on (Verifying): reads each feature's JUnit XML and coverage reports (named by its
 *   `testReports`/`coverageReports`, else `reports/junit.xml`, `test-results/junit.xml`,
 *   `junit.xml` and the first of `coverage/coverage-summary.json`, `coverage/lcov.info`,
 *   `coverage/cobertura-coverage.xml`; a shared report's cases and files go to features by id or
 *   title) and reports TestRunCompleted per feature and report and CoverageReported per feature:
 *   failing tests and low coverage are evidence the gates judge. A report that is missing or
 *   unreadable fails the execution with a reason naming each file and its located error, and the
 *   evidence of every report that could be read is still reported.
 *
 * Both stages write `execution/<sprintId>/qa-coverage-report.md` and `qa-errors.json` (a list,
 * empty when all is well). Nothing in the workspace makes it throw; it reads only inside the workspace.
 */
export const qaValidator: AgentRunner = {
  run: (request, context) => validate(request, context),
};

async function validate(request: ExecutionRequest, context: AgentRunContext): Promise<AgentOutcome> {
  let workspace: Workspace;
  let root: string;
  try {
    workspace = await loadWorkspace(context.workspace);
    root = await realpath(context.workspace);
  } catch (error) {
    return { status: 'failed', reason: `cannot read the planning files: ${toKairosError(error).message}` };
  }
  try {
    return qaStageOf(request.currentState) === QaStage.TestPlan
      ? await checkTestPlan(request, context, workspace, root)
      : await verifyReports(request, context, workspace, root);
  } catch (error) {
    // Writing the outputs can fail (a read-only workspace, a full disk): an execution failure, not a crash.
    return { status: 'failed', reason: `the QA validator failed: ${toKairosError(error).message}` };
  }
}

async function checkTestPlan(request: ExecutionRequest, context: AgentRunContext, workspace: Workspace, root: string): Promise<AgentOutcome> {
  const probes = await probeAll(root, testPlanPathsToProbe(request.features, workspace.features));
  const plan = assessTestPlan(request.features, workspace.features, probes);
  if (context.signal.aborted) return cancelled();
  const artifacts = await writeOutputs(context.workspace, request.sprintId, testPlanMarkdown(header(request), plan), plan.errors);
  if (!plan.ready) return { status: 'failed', reason: testPlanFailure(plan) };
  return { status: 'completed', reports: [{ type: 'SprintTestPlanReady', data: sprintTestPlanReadyData(request.sprintId, plan) }], artifacts };
}

async function verifyReports(request: ExecutionRequest, context: AgentRunContext, workspace: Workspace, root: string): Promise<AgentOutcome> {
  const scope = request.features;
  const probes = await probeAll(root, [...reportPathsToProbe(scope, workspace.features), ...testPlanPathsToProbe(scope, workspace.features)]);
  const plan = planReports(scope, workspace.features, probes);
  const testReads: ReportRead<Awaited<ReturnType<typeof readTestReport>>>[] = [];
  for (const source of plan.tests) {
    if (context.signal.aborted) return cancelled();
    testReads.push(await readReport(root, source.path, readTestReport));
  }
  const coverageReads: ReportRead<Awaited<ReturnType<typeof readCoverageReport>>>[] = [];
  for (const source of plan.coverage) {
    if (context.signal.aborted) return cancelled();
    coverageReads.push(await readReport(root, source.path, readCoverageReport));
  }
  const threshold = coverageThreshold([
    ...[...workspace.sprints, ...workspace.proposedSprints].filter((sprint) => sprint.id === request.sprintId).flatMap((sprint) => sprint.gates),
    ...workspace.milestones.filter((milestone) => milestone.id === request.milestoneId).flatMap((milestone) => milestone.gates),
  ]);
  const verification = verifySprint({
    sprintId: request.sprintId,
    scope,
    backlog: workspace.features,
    plan,
    testReads,
    coverageReads,
    workspaceRoot: root.split(sep).join('/'),
    ...(threshold === undefined ? {} : { coverageThreshold: threshold }),
  });
  const testFiles = new Map(assessTestPlan(scope, workspace.features, probes).rows.map((row) => [row.featureId, row.tests]));
  const artifacts = await writeOutputs(context.workspace, request.sprintId, verificationMarkdown(header(request), verification, testFiles), verification.errors);
  const reports = verification.events;
  if (verification.failure !== undefined) return { status: 'failed', reason: verification.failure, reports };
  return { status: 'completed', reports, artifacts };
}

/**
 * What is at each workspace path. Symbolic links are followed only while they stay inside the
 * workspace; a folder lists its regular files (not links), at most {@link maxFolderEntries}.
 */
async function probeAll(root: string, paths: readonly string[]): Promise<Map<string, PathProbe>> {
  const probes = new Map<string, PathProbe>();
  for (const path of new Set(paths)) probes.set(path, await probe(root, path));
  return probes;
}

async function probe(root: string, path: string): Promise<PathProbe> {
  const located = await locate(root, path);
  if (typeof located !== 'string') return located;
  try {
    const stats = await stat(located);
    if (stats.isFile()) return { kind: 'file' };
    if (!stats.isDirectory()) return { kind: 'refused', reason: 'not a regular file or folder' };
    const entries: Dirent[] = await readdir(located, { withFileTypes: true });
    const files = entries.filter((entry) => entry.isFile()).map((entry) => entry.name).sort().slice(0, maxFolderEntries);
    return { kind: 'folder', files };
  } catch (error) {
    return { kind: 'refused', reason: `cannot read: ${toKairosError(error).message}` };
  }
}

/** The real path of a workspace path, or what stops it from being read: missing, or outside the workspace through a link. */
async function locate(root: string, path: string): Promise<string | PathProbe> {
  let real: string;
  try {
    real = await realpath(join(root, path));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'refused', reason: `cannot read: ${toKairosError(error).message}` };
  }
  if (real !== root && !real.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)) return { kind: 'refused', reason: 'a symbolic link out of the workspace' };
  return real;
}

/** Reads one planned report, turning every refusal into a located problem. */
async function readReport<T>(root: string, path: string, read: (file: string) => Promise<T>): Promise<ReportRead<T>> {
  const located = await locate(root, path);
  if (typeof located !== 'string') {
    return { path, ok: false, problem: { message: located.kind === 'refused' ? located.reason : 'file not found' } };
  }
  try {
    return { path, ok: true, report: await read(located) };
  } catch (error) {
    const diagnostic = error instanceof ValidationError ? error.diagnostics.find((item) => item.severity === 'error') ?? error.diagnostics[0] : undefined;
    if (diagnostic === undefined) return { path, ok: false, problem: { message: toKairosError(error).message } };
    return { path, ok: false, problem: { line: diagnostic.line, column: diagnostic.column, message: diagnostic.message } };
  }
}

/** Writes qa-coverage-report.md and qa-errors.json; returns their workspace-relative paths. */
async function writeOutputs(workspace: string, sprintId: string, markdown: string, errors: readonly QaError[]): Promise<string[]> {
  const folder = dirname(sprintStatePath(workspace, sprintId));
  const report = join(folder, 'qa-coverage-report.md');
  const errorsFile = join(folder, 'qa-errors.json');
  await writeFileAtomic(report, markdown);
  await writeFileAtomic(errorsFile, qaErrorsJson(errors));
  return [report, errorsFile].map((path) => relative(workspace, path).split(sep).join('/'));
}

function header(request: ExecutionRequest): QaReportHeader {
  return { sprintId: request.sprintId, traceId: request.traceId, state: request.currentState, ...(request.milestoneId === undefined ? {} : { milestoneId: request.milestoneId }) };
}

function cancelled(): AgentOutcome {
  return { status: 'failed', reason: 'cancelled' };
}
