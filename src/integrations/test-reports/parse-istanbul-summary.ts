import { z } from 'zod';
import { diagnosticAt } from '../../artifacts/source/diagnostic-at.js';
import { loadYamlSource } from '../../artifacts/source/load-yaml-source.js';
import { defaultSourceLimits } from '../../artifacts/source/source-limits.js';
import { ValidationError } from '../../domain/errors/index.js';
import { checkReportText } from './check-report-text.js';
import { coverageMetric, optionalMetric, sumCoverageMetrics, type CoverageMetric } from './coverage-metric.js';
import { CoverageFormat, type CoverageReport, type FileCoverage } from './coverage-report.js';
import { invalidReport } from './invalid-report.js';
import { resolveReportLimits, type ReportLimits } from './report-limits.js';

const kind = 'coverage summary (Istanbul json-summary)';

const count = z.number().int().nonnegative();
const metricSchema = z
  .object({ total: count, covered: count, skipped: count.optional(), pct: z.union([z.number(), z.string()]).optional() })
  .refine((metric) => metric.covered <= metric.total, { message: 'covered is more than total' });
const entrySchema = z.object({
  lines: metricSchema,
  statements: metricSchema.optional(),
  functions: metricSchema.optional(),
  branches: metricSchema.optional(),
});
/** Istanbul's `coverage-summary.json` (the `json-summary` reporter): `total` and one entry per file. */
export const istanbulSummarySchema = z.record(z.string(), entrySchema).refine((summary) => 'total' in summary, { message: 'no "total" entry' });
export type IstanbulSummary = z.infer<typeof istanbulSummarySchema>;
type IstanbulEntry = z.infer<typeof entrySchema>;

/**
 * Parses Istanbul's `coverage-summary.json`, as written by the `json-summary` reporter of nyc, c8,
 * Jest and vitest. Totals are summed from the file entries (Istanbul's `total`, used only when there
 * are none, should agree). Broken JSON and entries of the wrong shape are located errors.
 */
export function parseIstanbulSummary(text: string, file: string, options: Partial<ReportLimits> = {}): CoverageReport {
  checkReportText(text, file, kind, resolveReportLimits(options));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw locatedProblem(text, file, undefined, error);
  }
  const parsed = istanbulSummarySchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = (issue?.path ?? []).filter((segment): segment is string | number => typeof segment !== 'symbol');
    throw locatedProblem(text, file, { path, message: `not a ${kind}: ${issue?.message ?? 'unexpected shape'}` }, parsed.error);
  }
  const files: FileCoverage[] = Object.entries(parsed.data)
    .filter(([path]) => path !== 'total')
    .map(([path, entry]) => ({ path, ...toMetrics(entry) }));
  const total = parsed.data.total;
  const totals = files.length === 0 && total !== undefined
    ? toMetrics(total)
    : {
        lines: sumCoverageMetrics(files.map((f) => f.lines)) ?? coverageMetric(0, 0),
        ...optionalMetric('branches', sumCoverageMetrics(files.map((f) => f.branches))),
        ...optionalMetric('functions', sumCoverageMetrics(files.map((f) => f.functions))),
        ...optionalMetric('statements', sumCoverageMetrics(files.map((f) => f.statements))),
      };
  return { format: CoverageFormat.IstanbulSummary, file, ...totals, files, sourceRoots: [] };
}

function toMetrics(entry: IstanbulEntry): Omit<FileCoverage, 'path'> {
  const metric = (m: { covered: number; total: number } | undefined): CoverageMetric | undefined => (m === undefined ? undefined : coverageMetric(m.covered, m.total));
  return {
    lines: coverageMetric(entry.lines.covered, entry.lines.total),
    ...optionalMetric('branches', metric(entry.branches)),
    ...optionalMetric('functions', metric(entry.functions)),
    ...optionalMetric('statements', metric(entry.statements)),
  };
}

/**
 * A located error, found by re-reading the text with line bookkeeping: only on failure, since the
 * fast path is `JSON.parse`. The JSON checks of the planning-file loader locate syntax errors.
 */
function locatedProblem(text: string, file: string, schema: { path: (string | number)[]; message: string } | undefined, cause: unknown): ValidationError {
  const jsonFile = file.toLowerCase().endsWith('.json') ? file : `${file}.json`;
  const source = { ...loadYamlSource(text, jsonFile, { ...defaultSourceLimits, maxDepth: 16 }), file };
  const syntax = source.diagnostics.find((d) => d.severity === 'error');
  if (schema === undefined || syntax !== undefined) {
    if (syntax !== undefined) return new ValidationError([{ ...syntax, file }], { cause });
    const message = cause instanceof Error ? cause.message : String(cause);
    return invalidReport(file, `not valid JSON: ${message}`, undefined, cause);
  }
  return new ValidationError([diagnosticAt(source, 'error', schema.message, schema.path)], { cause });
}
