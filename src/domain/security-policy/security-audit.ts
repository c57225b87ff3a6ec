import type { JsonObject } from '../events/envelope.js';
import { describeFinding } from './evaluate-pattern-rule.js';
import { ConfirmedGate, type CheckOutcome } from './security-check.js';

/** Who and what an audit is about. */
export interface AuditScope {
  sprintId: string;
  milestoneId?: string;
  traceId: string;
  /** The agent that ran the checks (the spec writes `policy-validator`). */
  validatedBy: string;
}

/** The audit's spec status. */
export const AuditStatus = { Compliant: 'Compliant', NonCompliant: 'NonCompliant' } as const;
export type AuditStatus = (typeof AuditStatus)[keyof typeof AuditStatus];

/** An audit in its three forms: the file, the SecurityAuditCompleted payload, one SecurityPolicyViolation payload per failed check. */
export interface SecurityAuditReport {
  status: AuditStatus;
  /** `execution/<sprintId>/security/security-audit.json`, exactly the spec's shape. */
  audit: JsonObject;
  completed: JsonObject;
  violations: JsonObject[];
}

/**
 * Shapes the outcomes of a policy's checks into the spec's security-audit.json (`checks` lists
 * every check run, `issues` every finding of a failed one) and the payloads the evidence fold
 * reads: SecurityAuditCompleted with each check as `{name, passed}` and, for the checks that
 * confirm a gate, `jwtValidationEnabled`, `spanTemplatesVerified` or `traceSpanPolicyCheck`; and
 * a SecurityPolicyViolation per failed check, named by `policy`, with its severity.
 */
export function securityAuditReport(scope: AuditScope, outcomes: readonly CheckOutcome[], extra: { report: string; note?: string }): SecurityAuditReport {
  const status = outcomes.every((outcome) => outcome.passed) ? AuditStatus.Compliant : AuditStatus.NonCompliant;
  const issues = outcomes
    .filter((outcome) => !outcome.passed)
    .flatMap((outcome) =>
      (outcome.findings.length > 0 ? outcome.findings : [{ message: outcome.detail }]).map((finding): JsonObject => ({
        check: outcome.name,
        severity: outcome.severity,
        message: describeFinding(finding),
        ...(finding.file === undefined ? {} : { file: finding.file }),
      })),
    );
  const where = { sprintId: scope.sprintId, ...(scope.milestoneId === undefined ? {} : { milestoneId: scope.milestoneId }) };
  const audit: JsonObject = { ...where, traceId: scope.traceId, issues, status, validatedBy: scope.validatedBy, checks: outcomes.map((outcome) => outcome.name) };
  const completed: JsonObject = {
    ...audit,
    checks: outcomes.map((outcome) => ({ name: outcome.name, passed: outcome.passed, status: outcome.passed ? 'pass' : 'fail', severity: outcome.severity, kind: outcome.kind, detail: outcome.detail })),
    ...gateStatements(outcomes),
    report: extra.report,
    ...(extra.note === undefined ? {} : { note: extra.note }),
  };
  const violations = outcomes
    .filter((outcome) => !outcome.passed)
    .map((outcome): JsonObject => ({
      ...where,
      policy: outcome.name,
      severity: outcome.severity,
      message: outcome.detail,
      findings: outcome.findings.map((finding) => ({ message: finding.message, ...(finding.file === undefined ? {} : { file: finding.file }), ...(finding.line === undefined ? {} : { line: finding.line }) })),
      validatedBy: scope.validatedBy,
      report: extra.report,
    }));
  return { status, audit, completed, violations };
}

/** What the checks that confirm a gate say about it: all of them passed, or not. Silent about gates no check confirms. */
function gateStatements(outcomes: readonly CheckOutcome[]): JsonObject {
  const says = (gate: ConfirmedGate): boolean | undefined => {
    const relevant = outcomes.filter((outcome) => outcome.confirms === gate);
    return relevant.length === 0 ? undefined : relevant.every((outcome) => outcome.passed);
  };
  const statements: JsonObject = {};
  const jwt = says(ConfirmedGate.JwtValidationInPlace);
  if (jwt !== undefined) statements['jwtValidationEnabled'] = jwt;
  const spans = says(ConfirmedGate.SpanTemplatesVerified);
  if (spans !== undefined) statements['spanTemplatesVerified'] = spans;
  const trace = says(ConfirmedGate.TraceSpanPolicyCheck);
  if (trace !== undefined) statements['traceSpanPolicyCheck'] = trace ? 'pass' : 'fail';
  return statements;
}
