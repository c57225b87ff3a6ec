import type { JsonObject } from '../events/envelope.js';
import { listSome } from '../gates/gate-reason.js';
import { featureFilePath, featureFilesDir, featureFileStem, resolveFeatureFileStems } from '../scaffold/index.js';
import { createFeatureMatcher, featureNames } from './feature-matcher.js';
import type { PathProbes } from './path-probe.js';
import { qaDeclarationsOf } from './qa-declarations.js';
import { QaErrorKind, type QaError } from './qa-error.js';
import type { QaFeature } from './report-plan.js';
import { workspacePath } from './workspace-path.js';

/** Where a feature stands in the sprint's test plan. */
export const TestPlanStatus = {
  /** It has at least one test file. */
  Tested: 'tested',
  /** No test file yet, but acceptance criteria the test generator turns into tests in Active. */
  ToGenerate: 'toGenerate',
  /** Neither: nothing to test it with, nothing to generate tests from. */
  Missing: 'missing',
} as const;
export type TestPlanStatus = (typeof TestPlanStatus)[keyof typeof TestPlanStatus];

/** One feature's row of the test trace matrix. */
export interface TestPlanRow {
  featureId: string;
  title?: string;
  /** Is it in planning/features.yaml? */
  known: boolean;
  /** Its test files found, relative to the workspace, sorted. */
  tests: string[];
  /** How many acceptance criteria it has. */
  criteria: number;
  status: TestPlanStatus;
}

/** The test trace matrix of a sprint before it starts. */
export interface TestPlan {
  /** No feature is {@link TestPlanStatus.Missing}. */
  ready: boolean;
  rows: TestPlanRow[];
  errors: QaError[];
}

/**
 * The workspace paths whose probes {@link assessTestPlan} needs: the `tests/features` folder, each
 * in-scope feature's scaffolded `.feature` path, and the test files it declares (`testCases`).
 */
export function testPlanPathsToProbe(scope: readonly string[], backlog: readonly QaFeature[]): string[] {
  const paths = new Set<string>([featureFilesDir]);
  const scaffolded = scaffoldedPaths(backlog);
  const byId = new Map(backlog.map((feature) => [feature.id, feature]));
  for (const featureId of scope) {
    paths.add(scaffolded.get(featureId) ?? featureFilePath(featureFileStem({ id: featureId })));
    for (const entry of qaDeclarationsOf(byId.get(featureId)).testCases) for (const path of declaredTestPaths(entry)) paths.add(path);
  }
  return [...paths];
}

/**
 * Checks the sprint's test trace matrix: a feature has tests when a `.feature` file under
 * `tests/features/` is its own (at the path the BDD scaffolder gives it, or a file whose name
 * names its id or title) or a test file it declares (`testCases`) exists. A feature without tests
 * is still ready when it has acceptance criteria, since the test generator writes its tests once
 * the sprint is Active. The plan is ready when no feature has neither.
 */
export function assessTestPlan(scope: readonly string[], backlog: readonly QaFeature[], probes: PathProbes): TestPlan {
  const byId = new Map(backlog.map((feature) => [feature.id, feature]));
  const scaffolded = scaffoldedPaths(backlog);
  const listed = ownedFeatureFiles(scope, backlog, probes);
  const errors: QaError[] = [];
  const rows = scope.map((featureId): TestPlanRow => {
    const feature = byId.get(featureId);
    const tests = new Set(listed.get(featureId) ?? []);
    const scaffold = scaffolded.get(featureId) ?? featureFilePath(featureFileStem({ id: featureId }));
    if (probes.get(scaffold)?.kind === 'file') tests.add(scaffold);
    for (const entry of qaDeclarationsOf(feature).testCases) {
      const candidates = declaredTestPaths(entry);
      const found = candidates.find((path) => probes.get(path)?.kind === 'file');
      if (found !== undefined) tests.add(found);
      else errors.push(declaredTestProblem(featureId, entry, candidates, probes));
    }
    const criteria = feature?.acceptanceCriteria?.length ?? 0;
    const status = tests.size > 0 ? TestPlanStatus.Tested : criteria > 0 ? TestPlanStatus.ToGenerate : TestPlanStatus.Missing;
    if (status === TestPlanStatus.Missing) {
      const message = feature === undefined
        ? 'not in planning/features.yaml, and no test file for it'
        : `no test file (none at ${scaffold}, no testCases) and no acceptanceCriteria to generate one from`;
      errors.push({ kind: QaErrorKind.NoTests, featureId, message });
    }
    return { featureId, ...(feature?.title === undefined ? {} : { title: feature.title }), known: feature !== undefined, tests: [...tests].sort(), criteria, status };
  });
  return { ready: rows.every((row) => row.status !== TestPlanStatus.Missing), rows, errors };
}

/** The scaffolder's path of each backlog feature (resolved over the whole backlog, as it does). */
function scaffoldedPaths(backlog: readonly QaFeature[]): Map<string, string> {
  const stems = resolveFeatureFileStems(backlog.map((feature) => ({ id: feature.id, ...(feature.title === undefined ? {} : { title: feature.title }) })));
  return new Map(backlog.map((feature, index) => [feature.id, featureFilePath(stems[index] ?? '')]));
}

/** `.feature` files in tests/features whose name names an in-scope feature (the longest name wins). */
function ownedFeatureFiles(scope: readonly string[], backlog: readonly QaFeature[], probes: PathProbes): Map<string, string[]> {
  const owned = new Map<string, string[]>();
  const folder = probes.get(featureFilesDir);
  if (folder?.kind !== 'folder') return owned;
  const known = new Set(backlog.map((feature) => feature.id));
  const matcher = createFeatureMatcher([
    ...backlog.map((feature) => featureNames({ id: feature.id, ...(feature.title === undefined ? {} : { title: feature.title }) })),
    ...scope.filter((featureId) => !known.has(featureId)).map((featureId) => featureNames({ id: featureId })),
  ]);
  const inScope = new Set(scope);
  for (const name of folder.files) {
    if (!name.toLowerCase().endsWith('.feature')) continue;
    for (const featureId of matcher.match([name.slice(0, -'.feature'.length)])) {
      if (!inScope.has(featureId)) continue;
      owned.set(featureId, [...(owned.get(featureId) ?? []), `${featureFilesDir}/${name}`]);
    }
  }
  return owned;
}

/** Where a declared test file may be: the path as written; a bare file name also under tests/features. */
function declaredTestPaths(entry: string): string[] {
  const checked = workspacePath(entry);
  if (!checked.ok) return [];
  return checked.path.includes('/') ? [checked.path] : [checked.path, `${featureFilesDir}/${checked.path}`];
}

function declaredTestProblem(featureId: string, entry: string, candidates: readonly string[], probes: PathProbes): QaError {
  const checked = workspacePath(entry);
  if (!checked.ok) return { kind: QaErrorKind.PathRefused, featureId, file: entry, message: `testCases entry ${checked.reason}` };
  const refused = candidates.map((path) => probes.get(path)).find((probe) => probe?.kind === 'refused');
  if (refused?.kind === 'refused') return { kind: QaErrorKind.PathRefused, featureId, file: checked.path, message: refused.reason };
  return { kind: QaErrorKind.TestFileMissing, featureId, file: checked.path, message: `declared test file not found${candidates.length > 1 ? ` (nor at ${candidates.slice(1).join(', ')})` : ''}` };
}

/** The `data` of SprintTestPlanReady: the sprint, its features, and each feature's row of the test trace matrix. */
export function sprintTestPlanReadyData(sprintId: string, plan: TestPlan): JsonObject {
  return {
    sprintId,
    features: plan.rows.map((row) => row.featureId),
    testPlan: plan.rows.map((row) => ({ featureId: row.featureId, status: row.status, tests: row.tests, acceptanceCriteria: row.criteria })),
  };
}

/** Why a plan is not ready, naming the features, for the failed execution's reason. */
export function testPlanFailure(plan: TestPlan): string {
  const missing = plan.rows.filter((row) => row.status === TestPlanStatus.Missing).map((row) => row.featureId);
  return `test plan not ready: ${listSome(missing, ', ')} ${missing.length === 1 ? 'has' : 'have'} no test file and no acceptance criteria (add acceptanceCriteria or testCases in planning/features.yaml, or a .feature file under ${featureFilesDir}/)`;
}
