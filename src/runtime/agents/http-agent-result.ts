import { z } from 'zod';
import type { AgentOutcome, AgentReport } from './agent-runner.js';
import { parseReports } from './command-agent.js';

const reasonKept = 2000;

/** Media types of a body read as JSON lines, one report per line (the command executor's stdout protocol). */
const jsonLinesTypes: ReadonlySet<string> = new Set(['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines', 'application/jsonlines']);

const resultSchema = z.object({
  status: z.enum(['completed', 'failed'], { error: '"status" must be "completed" or "failed"' }),
  reason: z.string({ error: '"reason" must be a string' }).optional(),
  reports: z.array(z.unknown(), { error: '"reports" must be a list' }).optional(),
  artifacts: z.array(z.string({ error: 'each of "artifacts" must be a string (a workspace path)' }), { error: '"artifacts" must be a list of workspace paths' }).optional(),
});

/**
 * The outcome an http agent's result carries: `{status: "completed" | "failed", reason?, reports?,
 * artifacts?}`, or a structured-mode CloudEvent whose `data` is that object. Reports follow the
 * command executor's rules. Resolves to what is wrong with it instead when it is not one.
 */
export function parseAgentResult(value: unknown): AgentOutcome | string {
  const result = unwrapCloudEvent(value);
  if (result === null || typeof result !== 'object' || Array.isArray(result)) return 'the result is not a JSON object {"status": "completed" | "failed", "reports": [...]}';
  const parsed = resultSchema.safeParse(result);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `the result is invalid: ${issue === undefined ? 'unknown problem' : issue.message}${issue === undefined || issue.path.length === 0 ? '' : ` (at ${issue.path.join('.')})`}`;
  }
  const { status, reason, reports: items = [], artifacts } = parsed.data;
  const reports = reportsOf(items);
  if (typeof reports === 'string') return `the result is invalid: ${reports}`;
  if (status === 'failed') {
    const said = reason === undefined || reason.trim() === '' ? 'the agent reported a failure without a reason' : reason.slice(0, reasonKept);
    return reports.length === 0 ? { status, reason: said } : { status, reason: said, reports };
  }
  return artifacts === undefined ? { status, reports } : { status, reports, artifacts };
}

/**
 * The outcome a successful response's body carries: JSON lines of reports when its media type says
 * so (`application/x-ndjson`, `application/jsonl`), else one JSON result (see `parseAgentResult`).
 * An empty body is a completed execution that reports nothing, as empty stdout is for a command.
 */
export function parseResultBody(text: string, contentType: string | null): AgentOutcome | string {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (jsonLinesTypes.has(mediaType)) {
    const reports = parseReports(text);
    return typeof reports === 'string' ? `the response body is invalid: ${reports.replace(/^stdout line/, 'line')}` : { status: 'completed', reports };
  }
  if (text.trim() === '') return { status: 'completed', reports: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return `the response body is not JSON: ${excerpt(text)}`;
  }
  return parseAgentResult(value);
}

/** The first characters of a body, on one line, for a reason a person reads. */
export function excerpt(text: string, length = 200): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length)}…` : line;
}

/** Reports checked with exactly the command executor's rules: each item is given to `parseReports` as one line. */
function reportsOf(items: readonly unknown[]): AgentReport[] | string {
  const reports = parseReports(items.map((item) => JSON.stringify(item) ?? 'undefined').join('\n'));
  return typeof reports === 'string' ? reports.replace(/^stdout line (\d+)/, 'report $1') : reports;
}

/** A structured-mode CloudEvent's `data`; anything else as it is. */
function unwrapCloudEvent(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  return typeof record['specversion'] === 'string' && 'data' in record ? record['data'] : value;
}
