import type { Feature } from '../planning/feature.js';
import type { PathProbe, PathProbes } from './path-probe.js';
import { qaDeclarationsOf } from './qa-declarations.js';
import { QaErrorKind, type QaError } from './qa-error.js';
import { conventionalCoverageReports, conventionalTestReports, coverageFileNames } from './report-conventions.js';
import { workspacePath } from './workspace-path.js';

/** What the QA validator reads of a backlog feature. */
export type QaFeature = Pick<Feature, 'id' | 'extra'> & { title?: string | undefined; acceptanceCriteria?: readonly string[] };

/** One report file to read, and the in-scope features it serves. */
export interface ReportSource {
  /** Relative to the workspace. */
  path: string;
  /** Named in planning/features.yaml (rather than found at a conventional place). */
  declared: boolean;
  /**
   * The one backlog feature that names it: everything in it is that feature's. Absent for a report
   * several features share (conventional places, or named by several): its test cases and source
   * files are given to features by name.
   */
  owner?: string;
  /** In-scope features that read it, in scope order. Empty for a sprint without features. */
  features: string[];
}

/** Which reports to read for a sprint, and what is missing before reading any. */
export interface ReportPlan {
  tests: ReportSource[];
  coverage: ReportSource[];
  errors: QaError[];
}

type ReportKind = 'tests' | 'coverage';

const kindWords: Record<ReportKind, { key: string; what: string; conventional: readonly string[] }> = {
  tests: { key: 'testReports', what: 'JUnit XML report', conventional: conventionalTestReports },
  coverage: { key: 'coverageReports', what: 'coverage report', conventional: conventionalCoverageReports },
};

/**
 * The workspace paths whose probes {@link planReports} needs: every report path the in-scope
 * features name, and the conventional places.
 */
export function reportPathsToProbe(scope: readonly string[], backlog: readonly QaFeature[]): string[] {
  const byId = indexFeatures(backlog);
  const paths = new Set<string>([...conventionalTestReports, ...conventionalCoverageReports]);
  for (const featureId of scope) {
    const declarations = qaDeclarationsOf(byId.get(featureId));
    for (const entry of [...declarations.testReports, ...declarations.coverageReports]) {
      const checked = workspacePath(entry);
      if (checked.ok) paths.add(checked.path);
    }
  }
  return [...paths];
}

/**
 * Decides which report files serve which in-scope features. A feature reads the reports it names
 * (`testReports`, `coverageReports`); one that names none reads the conventional ones. A report
 * named by exactly one backlog feature, and reached no other way, is that feature's alone
 * ({@link ReportSource.owner}); any other report is shared.
 * Missing, refused or absent reports become errors; reading them is the caller's next step.
 */
export function planReports(scope: readonly string[], backlog: readonly QaFeature[], probes: PathProbes): ReportPlan {
  const byId = indexFeatures(backlog);
  const plan: ReportPlan = { tests: [], coverage: [], errors: [] };
  for (const kind of ['tests', 'coverage'] as const) {
    const declarers = countDeclarers(backlog, kind);
    const sources = new Map<string, ReportSource>();
    const add = (path: string, featureId: string | undefined, owner: string | undefined, declared: boolean): void => {
      const known = sources.get(path);
      const source: ReportSource = known ?? { path, declared, ...(owner === undefined ? {} : { owner }), features: [] };
      // A file reached two ways (a feature's folder and another's file, or also a conventional place) is shared.
      if (known !== undefined && known.owner !== owner) delete source.owner;
      if (featureId !== undefined && !source.features.includes(featureId)) source.features.push(featureId);
      sources.set(path, source);
    };
    const conventionalReaders: string[] = [];
    for (const featureId of scope) {
      const entries = declaredEntries(byId.get(featureId), kind);
      if (entries.length === 0) {
        conventionalReaders.push(featureId);
        continue;
      }
      for (const entry of entries) {
        const checked = workspacePath(entry);
        if (!checked.ok) {
          plan.errors.push({ kind: QaErrorKind.PathRefused, featureId, file: entry, message: `${kindWords[kind].key} entry ${checked.reason}` });
          continue;
        }
        const owner = declarers.get(checked.path) === 1 ? featureId : undefined;
        const found = filesAt(checked.path, probes.get(checked.path), kind);
        if (typeof found === 'string') plan.errors.push(problemAt(checked.path, found, probes.get(checked.path), featureId));
        else for (const path of found) add(path, featureId, owner, true);
      }
    }
    if (conventionalReaders.length > 0 || scope.length === 0) {
      const { conventional, what, key } = kindWords[kind];
      const existing = conventional.filter((path) => probes.get(path)?.kind === 'file');
      for (const path of conventional) {
        const probe = probes.get(path);
        if (probe?.kind === 'refused') plan.errors.push({ kind: QaErrorKind.PathRefused, features: conventionalReaders, file: path, message: probe.reason });
      }
      const chosen = kind === 'coverage' ? existing.slice(0, 1) : existing;
      if (chosen.length === 0) {
        const whose = conventionalReaders.length === 0 ? '' : `; or name ${key} for the feature in planning/features.yaml`;
        plan.errors.push({ kind: QaErrorKind.NoReport, features: conventionalReaders, message: `no ${what}: none at ${conventional.join(', ')}${whose}` });
      }
      for (const path of chosen) {
        add(path, undefined, undefined, false);
        for (const featureId of conventionalReaders) add(path, featureId, undefined, false);
      }
    }
    plan[kind] = [...sources.values()];
  }
  return plan;
}

function indexFeatures(backlog: readonly QaFeature[]): Map<string, QaFeature> {
  return new Map(backlog.map((feature) => [feature.id, feature]));
}

function declaredEntries(feature: QaFeature | undefined, kind: ReportKind): string[] {
  const declarations = qaDeclarationsOf(feature);
  return kind === 'tests' ? declarations.testReports : declarations.coverageReports;
}

/** How many backlog features name each (normalised) report path. */
function countDeclarers(backlog: readonly QaFeature[], kind: ReportKind): Map<string, number> {
  const counts = new Map<string, number>();
  for (const feature of backlog) {
    const paths = new Set<string>();
    for (const entry of declaredEntries(feature, kind)) {
      const checked = workspacePath(entry);
      if (checked.ok) paths.add(checked.path);
    }
    for (const path of paths) counts.set(path, (counts.get(path) ?? 0) + 1);
  }
  return counts;
}

/** The report files at a declared path, or why there are none. */
function filesAt(path: string, probe: PathProbe | undefined, kind: ReportKind): string[] | string {
  if (probe === undefined || probe.kind === 'missing') return 'file not found';
  if (probe.kind === 'refused') return probe.reason;
  if (probe.kind === 'file') return [path];
  if (kind === 'tests') {
    const reports = probe.files.filter((name) => name.toLowerCase().endsWith('.xml'));
    return reports.length === 0 ? 'the folder holds no *.xml report' : reports.map((name) => `${path}/${name}`);
  }
  const found = coverageFileNames.find((name) => probe.files.includes(name));
  return found === undefined ? `the folder holds none of ${coverageFileNames.join(', ')}` : [`${path}/${found}`];
}

function problemAt(path: string, message: string, probe: PathProbe | undefined, featureId: string): QaError {
  const kind = probe?.kind === 'refused' ? QaErrorKind.PathRefused : QaErrorKind.ReportMissing;
  return { kind, featureId, file: path, message };
}
