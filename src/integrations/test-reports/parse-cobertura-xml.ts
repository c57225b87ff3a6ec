import { coverageMetric, optionalMetric, sumCoverageMetrics } from './coverage-metric.js';
import { CoverageFormat, type CoverageReport, type FileCoverage } from './coverage-report.js';
import { invalidReport } from './invalid-report.js';
import { locateElement, parseXmlReport, type XmlReport } from './parse-xml-report.js';
import { resolveReportLimits, type ReportLimits } from './report-limits.js';
import { childElement, childElements, type XmlElement } from './xml-element.js';

const kind = 'Cobertura coverage report';
const coberturaArrayTags: ReadonlySet<string> = new Set(['source', 'package', 'class', 'method', 'line']);
const conditionCoverage = /\((\d{1,12})\/(\d{1,12})\)/;

/** What the classes of one source file add up to (Java puts several classes in one file). */
interface FileTally {
  lineHits: Map<number, number>;
  branches: Map<number, { covered: number; total: number }>;
  functions: { covered: number; total: number };
}

/**
 * Parses a Cobertura XML coverage report (Istanbul's `cobertura` reporter, coverage.py,
 * JaCoCo-to-Cobertura and others). Classes are grouped by their `filename`; a line counts as
 * covered when its hits are above 0, its branches come from `condition-coverage="50% (1/2)"`, and
 * a method counts as a function. The root's `lines-valid`/`lines-covered` are used only when the
 * report lists no classes.
 */
export function parseCoberturaXml(text: string, file: string, options: Partial<ReportLimits> = {}): CoverageReport {
  const xml = parseXmlReport(text, file, kind, coberturaArrayTags, resolveReportLimits(options));
  const { root } = xml;
  if (root.name !== 'coverage') {
    throw invalidReport(file, `not a ${kind}: the root element is <${root.name}>, expected <coverage>`, locateElement(xml, root));
  }
  const sources = childElement(root, 'sources');
  const sourceRoots = sources === undefined ? [] : childElements(sources, 'source').map((source) => source.text.trim()).filter((path) => path !== '');
  const tallies = new Map<string, FileTally>();
  const packages = childElement(root, 'packages');
  for (const pkg of packages === undefined ? [] : childElements(packages, 'package')) {
    const classes = childElement(pkg, 'classes');
    for (const cls of classes === undefined ? [] : childElements(classes, 'class')) addClass(xml, tallies, cls);
  }
  const files = [...tallies.entries()].map(([path, tally]) => toFileCoverage(path, tally));
  if (files.length === 0) {
    const branchesValid = readCount(xml, root, 'branches-valid');
    return {
      format: CoverageFormat.Cobertura,
      file,
      lines: coverageMetric(readCount(xml, root, 'lines-covered') ?? 0, readCount(xml, root, 'lines-valid') ?? 0),
      ...optionalMetric('branches', branchesValid === undefined ? undefined : coverageMetric(readCount(xml, root, 'branches-covered') ?? 0, branchesValid)),
      files,
      sourceRoots,
    };
  }
  return {
    format: CoverageFormat.Cobertura,
    file,
    lines: sumCoverageMetrics(files.map((f) => f.lines)) ?? coverageMetric(0, 0),
    ...optionalMetric('branches', sumCoverageMetrics(files.map((f) => f.branches))),
    ...optionalMetric('functions', sumCoverageMetrics(files.map((f) => f.functions))),
    files,
    sourceRoots,
  };
}

function addClass(xml: XmlReport, tallies: Map<string, FileTally>, cls: XmlElement): void {
  const path = cls.attributes.filename;
  if (path === undefined || path === '') throw invalidReport(xml.file, '<class> has no filename attribute', locateElement(xml, cls));
  let tally = tallies.get(path);
  if (tally === undefined) {
    tally = { lineHits: new Map(), branches: new Map(), functions: { covered: 0, total: 0 } };
    tallies.set(path, tally);
  }
  const lines = childElement(cls, 'lines');
  for (const line of lines === undefined ? [] : childElements(lines, 'line')) {
    const number = readCount(xml, line, 'number');
    const hits = readCount(xml, line, 'hits') ?? 0;
    if (number === undefined) throw invalidReport(xml.file, '<line> has no number attribute', locateElement(xml, line));
    tally.lineHits.set(number, Math.max(hits, tally.lineHits.get(number) ?? 0));
    if (line.attributes.branch === 'true') {
      const match = conditionCoverage.exec(line.attributes['condition-coverage'] ?? '');
      if (match !== null) tally.branches.set(number, { covered: Number(match[1]), total: Number(match[2]) });
    }
  }
  const methods = childElement(cls, 'methods');
  for (const method of methods === undefined ? [] : childElements(methods, 'method')) {
    tally.functions.total += 1;
    if (isMethodCovered(xml, method)) tally.functions.covered += 1;
  }
}

/** Istanbul writes a method's `hits`; coverage.py and others only its lines or `line-rate`. */
function isMethodCovered(xml: XmlReport, method: XmlElement): boolean {
  const hits = readCount(xml, method, 'hits');
  if (hits !== undefined) return hits > 0;
  const lines = childElement(method, 'lines');
  const lineList = lines === undefined ? [] : childElements(lines, 'line');
  if (lineList.length > 0) return lineList.some((line) => (readCount(xml, line, 'hits') ?? 0) > 0);
  return Number(method.attributes['line-rate'] ?? '0') > 0;
}

function toFileCoverage(path: string, tally: FileTally): FileCoverage {
  const hits = [...tally.lineHits.values()];
  const branches = [...tally.branches.values()];
  return {
    path,
    lines: coverageMetric(hits.filter((count) => count > 0).length, hits.length),
    ...optionalMetric('branches', branches.length === 0 ? undefined : coverageMetric(branches.reduce((sum, b) => sum + b.covered, 0), branches.reduce((sum, b) => sum + b.total, 0))),
    ...optionalMetric('functions', tally.functions.total === 0 ? undefined : coverageMetric(tally.functions.covered, tally.functions.total)),
  };
}

function readCount(xml: XmlReport, element: XmlElement, attribute: string): number | undefined {
  const written = element.attributes[attribute];
  if (written === undefined || written.trim() === '') return undefined;
  const value = Number(written);
  if (!Number.isInteger(value) || value < 0) {
    throw invalidReport(xml.file, `<${element.name}> ${attribute}="${written}" is not a whole number of 0 or more`, locateElement(xml, element));
  }
  return value;
}
