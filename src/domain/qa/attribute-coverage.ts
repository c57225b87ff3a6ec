import type { FeatureMatcher } from './feature-matcher.js';
import type { ReportSource } from './report-plan.js';
import { sumLines, type QaCoverageMetric, type QaCoverageReport } from './report-shapes.js';
import { workspacePath } from './workspace-path.js';

/** What attributing coverage needs besides the report. */
export interface CoverageContext {
  /** The absolute workspace folder, `/`-separated: file paths under it are made relative. */
  workspaceRoot: string;
  /** The `sources` each in-scope feature names (as written). */
  sourcesOf: (featureId: string) => readonly string[];
  matcher: FeatureMatcher;
}

/**
 * Each in-scope feature's line coverage in one report: the files under the `sources` it names; else
 * the whole report when the feature owns it; else the files whose path names the feature (by id or
 * title, as test cases are matched). A feature with no file in the report gets no entry.
 */
export function attributeCoverage(report: QaCoverageReport, source: Pick<ReportSource, 'owner' | 'features'>, context: CoverageContext): Map<string, QaCoverageMetric> {
  const coverage = new Map<string, QaCoverageMetric>();
  const files = report.files.map((file) => ({ path: relativeReportPath(file.path, report.sourceRoots, context.workspaceRoot), lines: file.lines }));
  for (const featureId of source.features) {
    const sources = context.sourcesOf(featureId).flatMap((entry) => {
      const checked = workspacePath(entry);
      return checked.ok ? [checked.path] : [];
    });
    let picked: QaCoverageMetric[];
    if (sources.length > 0) picked = files.filter((file) => sources.some((prefix) => isUnder(file.path, prefix))).map((file) => file.lines);
    else if (source.owner === featureId) picked = [report.lines];
    else picked = files.filter((file) => context.matcher.match([file.path]).includes(featureId)).map((file) => file.lines);
    if (picked.length > 0) coverage.set(featureId, sumLines(picked));
  }
  return coverage;
}

/**
 * A source file's path as a coverage report wrote it, made relative to the workspace where it can
 * be: joined to the report's first source root when relative (Cobertura), stripped of the
 * workspace folder when under it. A path elsewhere (a CI machine's checkout) stays absolute.
 */
export function relativeReportPath(path: string, sourceRoots: readonly string[], workspaceRoot: string): string {
  let full = path.replace(/\\/g, '/');
  const root = sourceRoots[0]?.replace(/\\/g, '/');
  if (!isAbsolute(full) && root !== undefined && root !== '' && root !== '.') full = `${root.replace(/\/+$/, '')}/${full}`;
  const base = workspaceRoot.replace(/\\/g, '/').replace(/\/+$/, '');
  if (base !== '' && full.startsWith(`${base}/`)) full = full.slice(base.length + 1);
  return full.replace(/^(?:\.\/)+/, '');
}

/** Is a reported path the source `prefix` or inside it? An absolute path (outside the workspace) counts when it ends in the prefix's folders. */
function isUnder(path: string, prefix: string): boolean {
  if (path === prefix || path.startsWith(`${prefix}/`)) return true;
  return isAbsolute(path) && (path.endsWith(`/${prefix}`) || path.includes(`/${prefix}/`));
}

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:\//.test(path);
}
