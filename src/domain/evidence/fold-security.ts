import { sourceOf } from './evidence-event.js';
import { type FoldStep, positionKey, prefer } from './fold-step.js';
import { normalizeOutcome } from './normalize-word.js';
import { firstString, isRecord, own, readFlag, readList, readString, readStrings, withEntry, withMembers, type JsonRecord } from './read-json.js';
import type { ScopeEvidence, SecurityAuditEvidence, SecurityIssue, SecurityViolationEvidence } from './scope-evidence.js';
import { addSorted, upsertSorted } from './sorted-set.js';

const maxIssuesKept = 50;
const maxViolationsKept = 100;

/** SecurityAuditCompleted: the latest audit of each source (sprint, milestone). */
export const foldSecurityAudit: FoldStep = (evidence, event) => {
  const audit = readAudit(event.data, sourceOf(event.anchors), event.position);
  if (audit === undefined) {
    return `${event.type} gives no status, issues, checks or security flags (jwtValidationEnabled, spanTemplatesVerified, securitySpanTemplateInjected, traceSpanPolicyCheck)`;
  }
  return withAudit(evidence, audit);
};

/** `evidence` with `audit`, when it is the latest of its source. */
export function withAudit(evidence: ScopeEvidence, audit: SecurityAuditEvidence): ScopeEvidence {
  const existing = own(evidence.security.audits, audit.source);
  if (existing !== undefined && prefer(existing, audit, (item) => [item.position]) === existing) return evidence;
  return withMembers(evidence, { security: { ...evidence.security, audits: withEntry(evidence.security.audits, audit.source, audit) } });
}

/** SecurityPolicyViolation: kept (the 100 latest) until a later audit of the same source. */
export const foldSecurityViolation: FoldStep = (evidence, event) => {
  const { data } = event;
  const violation: SecurityViolationEvidence = {
    eventId: event.eventId,
    source: sourceOf(event.anchors),
    severity: (firstString(data, ['severity', 'level']) ?? 'unknown').toLowerCase(),
    position: event.position,
  };
  const policy = firstString(data, ['policy', 'rule', 'check']);
  if (policy !== undefined) violation.policy = policy;
  const message = firstString(data, ['message', 'reason', 'description', 'error']);
  if (message !== undefined) violation.message = message;
  return withViolation(evidence, violation);
};

/** `evidence` with `violation` among the 100 latest. */
export function withViolation(evidence: ScopeEvidence, violation: SecurityViolationEvidence): ScopeEvidence {
  const key = (item: SecurityViolationEvidence): string => positionKey(item.position, item.eventId);
  const violations = upsertSorted(evidence.security.violations, violation, key, (existing, incoming) => prefer(existing, incoming, () => []));
  if (violations === evidence.security.violations) return evidence;
  return withMembers(evidence, { security: { ...evidence.security, violations: violations.slice(-maxViolationsKept) } });
}

/** SecurityPolicyPublished: the source's outputs are marked compliant. */
export const foldSecurityPublished: FoldStep = (evidence, event) => withPublished(evidence, sourceOf(event.anchors));

/** `evidence` with `source` marked compliant. */
export function withPublished(evidence: ScopeEvidence, source: string): ScopeEvidence {
  const published = addSorted(evidence.security.published, source);
  return published === evidence.security.published ? evidence : withMembers(evidence, { security: { ...evidence.security, published } });
}

function readAudit(data: JsonRecord, source: string, position: number): SecurityAuditEvidence | undefined {
  const status = firstString(data, ['status']);
  const issueList = data['issues'] ?? data['findings'];
  const checkList = data['checks'];
  const jwt = readFlag(data['jwtValidationEnabled']);
  const spans = readSpanTemplates(data);
  const tracePolicy = readOutcome(data['traceSpanPolicyCheck']);
  if (status === undefined && !Array.isArray(issueList) && !Array.isArray(checkList) && jwt === undefined && spans === undefined && tracePolicy === undefined) {
    return undefined;
  }
  const { passed, failed } = readChecks(checkList);
  const audit: SecurityAuditEvidence = {
    source,
    issues: readIssues(issueList),
    checks: passed,
    failedChecks: failed,
    position,
  };
  if (status !== undefined) audit.status = status;
  if (jwt !== undefined) audit.jwtValidationEnabled = jwt;
  if (spans !== undefined) audit.spanTemplatesVerified = spans;
  if (tracePolicy !== undefined) audit.traceSpanPolicyCheck = tracePolicy;
  const validatedBy = firstString(data, ['validatedBy']);
  if (validatedBy !== undefined) audit.validatedBy = validatedBy;
  return audit;
}

/** `spanTemplatesVerified`, else `securitySpanTemplateInjected` as a flag or a list of templates. */
function readSpanTemplates(data: JsonRecord): boolean | undefined {
  const verified = readFlag(data['spanTemplatesVerified']);
  if (verified !== undefined) return verified;
  const injected = data['securitySpanTemplateInjected'];
  if (Array.isArray(injected)) return readStrings(injected).length > 0;
  return readFlag(injected);
}

function readOutcome(value: unknown): string | undefined {
  if (typeof value === 'boolean') return normalizeOutcome(value);
  const text = readString(value);
  return text === undefined ? undefined : normalizeOutcome(text);
}

function readIssues(value: unknown): SecurityIssue[] {
  const issues: SecurityIssue[] = [];
  for (const item of readList(value)) {
    if (!isRecord(item)) {
      const message = readString(item);
      if (message !== undefined) issues.push({ severity: 'unknown', message });
      continue;
    }
    const severity = (firstString(item, ['severity', 'level']) ?? 'unknown').toLowerCase();
    const message = firstString(item, ['message', 'title', 'description', 'id', 'rule', 'check']) ?? '(no description)';
    issues.push({ severity, message });
  }
  return issues.slice(0, maxIssuesKept);
}

function readChecks(value: unknown): { passed: string[]; failed: string[] } {
  const passed = new Set<string>();
  const failed = new Set<string>();
  for (const item of readList(value)) {
    if (!isRecord(item)) {
      const name = readString(item);
      if (name !== undefined) passed.add(name);
      continue;
    }
    const name = firstString(item, ['name', 'check', 'id']);
    if (name === undefined) continue;
    const flag = readFlag(item['passed']);
    const status = readOutcome(item['status']);
    if (flag === false || status === 'fail') failed.add(name);
    else passed.add(name);
  }
  return { passed: [...passed].sort(), failed: [...failed].sort() };
}
