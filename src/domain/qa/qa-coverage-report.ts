import { tallyTotal } from './assign-test-cases.js';
import { describeQaError, type QaError } from './qa-error.js';
import type { QaCoverageMetric } from './report-shapes.js';
import { TestPlanStatus, type TestPlan } from './test-plan.js';
import { FeatureQaStatus, type FeatureVerdict, type Verification } from './verify-sprint.js';

/** Which sprint run a report describes. */
export interface QaReportHeader {
  sprintId: string;
  milestoneId?: string;
  traceId: string;
  /** The sprint state the validator ran in. */
  state: string;
}

/** Problems listed in the markdown before pointing at qa-errors.json for the rest. */
const problemsListed = 50;

const planStatusText: Record<TestPlanStatus, string> = {
  [TestPlanStatus.Tested]: '✅ Tests ready',
  [TestPlanStatus.ToGenerate]: '📝 Tests to generate from criteria',
  [TestPlanStatus.Missing]: '❌ No tests, no criteria',
};

const verdictIcon: Record<FeatureQaStatus, string> = {
  [FeatureQaStatus.Passed]: '✅ Pass',
  [FeatureQaStatus.Failed]: '❌ Fail',
  [FeatureQaStatus.NoTests]: '❌ No tests',
  [FeatureQaStatus.NoCoverage]: '⚠ Warning',
  [FeatureQaStatus.LowCoverage]: '⚠ Warning',
};

/**
 * `execution/<sprintId>/qa-coverage-report.md` before the sprint starts: the test trace matrix
 * (feature → test files → acceptance criteria → status). Deterministic: no clock, same input, same bytes.
 */
export function testPlanMarkdown(header: QaReportHeader, plan: TestPlan): string {
  const lines = [
    `# QA coverage report: ${header.sprintId}`,
    '',
    `Test plan of sprint \`${header.sprintId}\`${context(header)}. ${plan.ready ? 'Ready: every feature has tests or acceptance criteria to generate them from.' : 'Not ready: some features have neither tests nor acceptance criteria.'}`,
    '',
    '| Feature | Test files | Acceptance criteria | Status |',
    '|---|---|---:|---|',
    ...plan.rows.map((row) => `| ${featureCell(row.featureId, row.title)} | ${list(row.tests)} | ${row.criteria} | ${planStatusText[row.status]}${row.known ? '' : ' (not in planning/features.yaml)'} |`),
  ];
  if (plan.rows.length === 0) lines.push('| (no feature in scope) | | | |');
  return [...lines, ...problems(plan.errors)].join('\n') + '\n';
}

/**
 * `execution/<sprintId>/qa-coverage-report.md` after verification, like the spec's Studio QA
 * panel: per feature its coverage, test cases and status, then which test files and reports each
 * feature was linked to, tests that name no feature of the sprint, sprint-wide coverage, and the
 * problems (all of them are in qa-errors.json). Deterministic.
 */
export function verificationMarkdown(header: QaReportHeader, verification: Verification, testFiles: ReadonlyMap<string, readonly string[]> = new Map()): string {
  const lines = [
    `# QA coverage report: ${header.sprintId}`,
    '',
    `Verification of sprint \`${header.sprintId}\`${context(header)}.${verification.failure === undefined ? '' : ' Some reports could not be read: see Problems.'}`,
    '',
    '| Feature | Coverage | Test cases | Passed | Failed | Skipped | Status |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...verification.features.map((feature) => {
      const { tally } = feature;
      return `| ${featureCell(feature.featureId, feature.title)} | ${percent(feature.coverage)} | ${tallyTotal(tally)} | ${tally.passed} | ${tally.failed + tally.errors} | ${tally.skipped} | ${verdictIcon[feature.status]}: ${cell(feature.note)} |`;
    }),
  ];
  if (verification.features.length === 0) lines.push('| (no feature in scope) | | | | | | |');
  lines.push('', '## Feature → tests → reports', '');
  for (const feature of verification.features) lines.push(links(feature, testFiles.get(feature.featureId) ?? []));
  if (verification.features.length === 0) lines.push('- (no feature in scope)');
  if (verification.unattributed.length > 0) {
    lines.push('', '## Tests that name no feature of this sprint', '');
    for (const { report, tally } of verification.unattributed) lines.push(`- ${code(report)}: ${tallyTotal(tally)} case(s), ${tally.failed + tally.errors} failed`);
  }
  if (verification.sprintCoverage.length > 0) {
    lines.push('', '## Sprint-wide coverage', '');
    for (const { report, lines: metric } of verification.sprintCoverage) lines.push(`- ${code(report)}: ${percent(metric)} of lines (${metric.covered}/${metric.total})`);
  }
  return [...lines, ...problems(verification.errors)].join('\n') + '\n';
}

function context(header: QaReportHeader): string {
  const parts = [...(header.milestoneId === undefined ? [] : [`milestone \`${header.milestoneId}\``]), `trace \`${header.traceId}\``, `state ${header.state}`];
  return ` (${parts.join(', ')})`;
}

function links(feature: FeatureVerdict, testFiles: readonly string[]): string {
  const reports = feature.runs.map((run) => `${code(run.report)} (${tallyTotal(run.tally)} case(s))`);
  return `- **${cell(feature.featureId)}**: test files ${list(testFiles)}; test reports ${reports.length === 0 ? '—' : reports.join(', ')}; coverage ${list(feature.coverageReports)}`;
}

function problems(errors: readonly QaError[]): string[] {
  const lines = ['', '## Problems', ''];
  if (errors.length === 0) return [...lines, 'None.'];
  lines.push(...errors.slice(0, problemsListed).map((error) => `- ${cell(describeQaError(error))}`));
  if (errors.length > problemsListed) lines.push(`- and ${errors.length - problemsListed} more`);
  return [...lines, '', 'Every problem, with its location, is in `qa-errors.json`.'];
}

function featureCell(featureId: string, title: string | undefined): string {
  return title === undefined || title === featureId ? cell(featureId) : `${cell(featureId)} (${cell(title)})`;
}

function percent(metric: QaCoverageMetric | undefined): string {
  return metric === undefined || metric.percent === null ? '—' : `${metric.percent}%`;
}

function list(paths: readonly string[]): string {
  return paths.length === 0 ? '—' : paths.map(code).join(', ');
}

/** A path as inline code (only a pipe needs escaping there, for tables), unless it holds a backtick. */
function code(text: string): string {
  return text.includes('`') ? cell(text) : `\`${text.replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|')}\``;
}

/** Text safe inside a table cell or a list item: one line; pipes, emphasis, links, code and tags escaped. */
function cell(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/([\\|*_[\]`])/g, '\\$1')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<');
}
