import { checkReportText } from './check-report-text.js';
import { coverageMetric, optionalMetric, sumCoverageMetrics } from './coverage-metric.js';
import { CoverageFormat, type CoverageReport, type FileCoverage } from './coverage-report.js';
import { invalidReport } from './invalid-report.js';
import { resolveReportLimits, type ReportLimits } from './report-limits.js';

const kind = 'coverage report in lcov format';
const tagLine = /^([A-Z_]{2,8}):(.*)$/;
const counts = /^\d{1,15}$/;

/** What one `SF:` … `end_of_record` record has collected so far. */
interface LcovRecord {
  path: string;
  startLine: number;
  lineHits: Map<number, number>;
  branches: { covered: number; total: number; seen: boolean };
  functionHits: Map<string, number>;
  summary: Partial<Record<'LF' | 'LH' | 'BRF' | 'BRH' | 'FNF' | 'FNH', number>>;
}

/**
 * Parses an lcov `.info` tracefile (the `SF`/`DA`/`BRDA`/`FN`/`FNDA` records of genhtml's format,
 * including lcov 2's `FNL`/`FNA`). Each metric is counted from the detail lines and taken from the
 * `LF`/`LH`, `BRF`/`BRH`, `FNF`/`FNH` summaries only when a record has none. Unknown tags are
 * ignored; lines that are not `TAG:value`, bad numbers and unclosed records are located errors.
 */
export function parseLcov(text: string, file: string, options: Partial<ReportLimits> = {}): CoverageReport {
  checkReportText(text, file, kind, resolveReportLimits(options));
  const files: FileCoverage[] = [];
  let record: LcovRecord | undefined;
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const lineNumber = index + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const fail = (message: string): never => {
      throw invalidReport(file, message, { line: lineNumber, column: 1 });
    };
    if (line.trim() === '') continue;
    if (line === 'end_of_record') {
      if (record === undefined) fail('end_of_record without an SF: record before it');
      else files.push(finishRecord(record));
      record = undefined;
      continue;
    }
    const match = tagLine.exec(line);
    if (match === null) fail(`not an lcov line: expected TAG:value or end_of_record, found "${line.slice(0, 60)}"`);
    const tag = match?.[1] ?? '';
    const value = match?.[2] ?? '';
    const numbers = (expected: number, what: string): number[] => {
      const parts = value.split(',');
      const parsed = parts.slice(0, expected).map((part) => (counts.test(part.trim()) ? Number(part.trim()) : Number.NaN));
      if (parts.length < expected || parsed.some((n) => Number.isNaN(n))) fail(`${tag}:${value} is not ${what}`);
      return parsed;
    };
    if (tag === 'TN' || tag === 'VER') continue;
    if (tag === 'SF') {
      if (record !== undefined) fail(`SF:${value} starts before the record for ${record.path} ends (end_of_record is missing)`);
      if (value.trim() === '') fail('SF: names no file');
      record = { path: value, startLine: lineNumber, lineHits: new Map(), branches: { covered: 0, total: 0, seen: false }, functionHits: new Map(), summary: {} };
      continue;
    }
    if (record === undefined) {
      fail(`${tag}: outside a record (no SF: line before it)`);
      continue;
    }
    switch (tag) {
      case 'DA': {
        const [at = 0, hits = 0] = numbers(2, 'line,hits');
        record.lineHits.set(at, Math.max(hits, record.lineHits.get(at) ?? 0));
        break;
      }
      case 'BRDA': {
        const parts = value.split(',');
        if (parts.length !== 4 || !counts.test(parts[0] ?? '')) fail(`BRDA:${value} is not line,block,branch,taken`);
        const taken = parts[3] ?? '';
        if (taken !== '-' && !counts.test(taken)) fail(`BRDA:${value} is not line,block,branch,taken`);
        record.branches.seen = true;
        record.branches.total += 1;
        if (taken !== '-' && Number(taken) > 0) record.branches.covered += 1;
        break;
      }
      case 'FN': {
        const name = value.slice(value.indexOf(',') + 1);
        if (!value.includes(',') || name === '') fail(`FN:${value} is not line,name`);
        if (!record.functionHits.has(name)) record.functionHits.set(name, 0);
        break;
      }
      case 'FNDA': case 'FNA': {
        // FNDA:hits,name (lcov 1); FNA:index,hits,name (lcov 2).
        const skip = tag === 'FNA' ? 1 : 0;
        const parts = value.split(',');
        const hits = parts[skip] ?? '';
        const name = parts.slice(skip + 1).join(',');
        if (!counts.test(hits) || name === '') fail(`${tag}:${value} is not ${tag === 'FNA' ? 'index,hits,name' : 'hits,name'}`);
        record.functionHits.set(name, Math.max(Number(hits), record.functionHits.get(name) ?? 0));
        break;
      }
      case 'LF': case 'LH': case 'BRF': case 'BRH': case 'FNF': case 'FNH': {
        const [count = 0] = numbers(1, 'a count');
        record.summary[tag] = count;
        break;
      }
      default:
        // FNL, BRDA's relatives and tags of newer lcov versions carry nothing counted here.
        break;
    }
  }
  if (record !== undefined) {
    throw invalidReport(file, `the record for ${record.path} (from line ${record.startLine}) has no end_of_record: the file may be cut short`, { line: lines.length, column: 1 });
  }
  if (files.length === 0) throw invalidReport(file, `no SF: records: not a ${kind}`);
  return {
    format: CoverageFormat.Lcov,
    file,
    lines: sumCoverageMetrics(files.map((f) => f.lines)) ?? coverageMetric(0, 0),
    ...optionalMetric('branches', sumCoverageMetrics(files.map((f) => f.branches))),
    ...optionalMetric('functions', sumCoverageMetrics(files.map((f) => f.functions))),
    files,
    sourceRoots: [],
  };
}

function finishRecord(record: LcovRecord): FileCoverage {
  const { summary } = record;
  const lines = record.lineHits.size > 0
    ? coverageMetric([...record.lineHits.values()].filter((hits) => hits > 0).length, record.lineHits.size)
    : coverageMetric(summary.LH ?? 0, summary.LF ?? 0);
  const branches = record.branches.seen
    ? coverageMetric(record.branches.covered, record.branches.total)
    : summary.BRF === undefined ? undefined : coverageMetric(summary.BRH ?? 0, summary.BRF);
  const functions = record.functionHits.size > 0
    ? coverageMetric([...record.functionHits.values()].filter((hits) => hits > 0).length, record.functionHits.size)
    : summary.FNF === undefined ? undefined : coverageMetric(summary.FNH ?? 0, summary.FNF);
  return { path: record.path, lines, ...optionalMetric('branches', branches), ...optionalMetric('functions', functions) };
}
