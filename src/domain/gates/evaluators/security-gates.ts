import type { JsonObject } from '../../events/envelope.js';
import { normalizeOutcome, wordKey } from '../../evidence/normalize-word.js';
import type { ScopeEvidence, SecurityAuditEvidence, SecurityViolationEvidence } from '../../evidence/scope-evidence.js';
import {
  confirmsJwtValidation,
  confirmsSpanTemplates,
  isCriticalSeverity,
  latestAudits,
  openViolations,
  traceSpanPolicyOutcome,
} from '../../evidence/security-statements.js';
import { capped, count, listSome, scopeLabel, sourceLabel } from '../gate-reason.js';
import { fail, pass, type GateVerdict } from '../gate-result.js';
import type { GateEvaluator } from './gate-evaluator.js';

/**
 * `noCriticalFindings` (also `noCriticalSecurityFindings`): the latest audit of every source lists
 * no critical finding, and no critical SecurityPolicyViolation is open (not yet followed by an audit
 * of its source). A finding without a known severity counts as critical. Without any audit the gate
 * fails: no scan is not the same as no findings.
 */
export const noCriticalFindings: GateEvaluator = (evidence) => {
  const audits = latestAudits(evidence);
  const findings = audits.flatMap((audit) =>
    audit.issues.filter((issue) => isCriticalSeverity(issue.severity)).map((issue) => ({ source: audit.source, severity: issue.severity, message: issue.message })),
  );
  const violations = openViolations(evidence).filter((violation) => isCriticalSeverity(violation.severity));
  const facts: JsonObject = {
    audits: audits.map(auditFacts),
    criticalFindings: capped(findings),
    openCriticalViolations: capped(violations.map(violationFacts)),
  };
  const problems = [
    ...findings.map((finding) => `${sourceLabel(finding.source)}: ${finding.message} (${finding.severity})`),
    ...violations.map((violation) => `${sourceLabel(violation.source)}: open violation ${describeViolation(violation)}`),
  ];
  if (problems.length > 0) return fail(`${count(problems.length, 'critical finding')}: ${listSome(problems)}`, facts);
  if (audits.length === 0) return fail(`no security audit recorded for ${scopeLabel(evidence)} (SecurityAuditCompleted)`, facts);
  const lesser = audits.reduce((sum, audit) => sum + audit.issues.length, 0);
  const note = lesser === 0 ? '' : ` (${count(lesser, 'finding')} below critical)`;
  return pass(`no critical findings in ${audits.length === 1 ? `the audit of ${sourceLabel(audits[0]?.source ?? '')}` : count(audits.length, 'audit')}${note}`, facts);
};

/** `jwtValidationInPlace`: the audits that speak of JWT validation all confirm it; at least one does. */
export const jwtValidationInPlace: GateEvaluator = (evidence) =>
  statementGate(evidence, {
    what: 'JWT validation',
    hint: 'jwtValidationEnabled, or a TokenValidationMiddlewareConfigured check',
    say: (audit) => {
      const says = confirmsJwtValidation(audit);
      return says === undefined ? undefined : says ? 'pass' : 'fail';
    },
    policy: ['jwt', 'tokenvalidation'],
    expected: 'pass',
  });

/** `spanTemplatesVerified`: the audits that speak of security span templates all confirm them; at least one does. */
export const spanTemplatesVerified: GateEvaluator = (evidence) =>
  statementGate(evidence, {
    what: 'security span templates',
    hint: 'spanTemplatesVerified or securitySpanTemplateInjected',
    say: (audit) => {
      const says = confirmsSpanTemplates(audit);
      return says === undefined ? undefined : says ? 'pass' : 'fail';
    },
    policy: ['spantemplate'],
    expected: 'pass',
  });

/** `traceSpanPolicyCheck: <status>`: the audits that report the trace span policy check all report that status; at least one does. */
export const traceSpanPolicyCheck: GateEvaluator = (evidence, ref) => {
  const wanted = typeof ref.param === 'string' && ref.param.trim() !== '' ? normalizeOutcome(ref.param) : undefined;
  if (wanted === undefined) return fail(`${ref.written} needs a status, as in \`traceSpanPolicyCheck: pass\``);
  return statementGate(evidence, {
    what: 'trace span policy check',
    hint: 'traceSpanPolicyCheck, or a TraceSpansAttached check',
    say: traceSpanPolicyOutcome,
    policy: ['tracespan'],
    expected: wanted,
  });
};

interface Statement {
  /** What the audits state, as a phrase. */
  what: string;
  /** Where an audit states it. */
  hint: string;
  /** What one audit states: `pass`, `fail`, another status, or nothing. */
  say: (audit: SecurityAuditEvidence) => string | undefined;
  /** Word keys of violation policies about the same thing: an open one fails the gate when `pass` is expected. */
  policy: readonly string[];
  expected: string;
}

function statementGate(evidence: ScopeEvidence, statement: Statement): GateVerdict {
  const audits = latestAudits(evidence);
  const stated = audits.flatMap((audit) => {
    const says = statement.say(audit);
    return says === undefined ? [] : [{ source: audit.source, says }];
  });
  const violations =
    statement.expected === 'pass'
      ? openViolations(evidence).filter((violation) => statement.policy.some((word) => wordKey(violation.policy ?? '').includes(word)))
      : [];
  const facts: JsonObject = {
    expected: statement.expected,
    statements: stated,
    openViolations: capped(violations.map(violationFacts)),
  };
  const wrong = stated.filter((item) => item.says !== statement.expected);
  const problems = [
    ...wrong.map((item) => `${statement.what}: ${item.says} in the audit of ${sourceLabel(item.source)}, expected ${statement.expected}`),
    ...violations.map((violation) => `${sourceLabel(violation.source)}: open violation ${describeViolation(violation)}`),
  ];
  if (problems.length > 0) return fail(listSome(problems), facts);
  if (audits.length === 0) return fail(`no security audit recorded for ${scopeLabel(evidence)} (SecurityAuditCompleted)`, facts);
  if (stated.length === 0) {
    return fail(`no audit states ${statement.what} (${statement.hint}); audits of ${listSome(audits.map((audit) => sourceLabel(audit.source)), ', ')}`, facts);
  }
  return pass(`${statement.what}: ${statement.expected} in the audit of ${listSome(stated.map((item) => sourceLabel(item.source)), ', ')}`, facts);
}

function describeViolation(violation: SecurityViolationEvidence): string {
  const name = violation.policy ?? '(no policy named)';
  const message = violation.message === undefined ? '' : `: ${violation.message}`;
  return `${name} (${violation.severity})${message}`;
}

function auditFacts(audit: SecurityAuditEvidence): JsonObject {
  return { source: audit.source, status: audit.status ?? null, issues: audit.issues.length, position: audit.position };
}

function violationFacts(violation: SecurityViolationEvidence): JsonObject {
  return {
    source: violation.source,
    policy: violation.policy ?? null,
    severity: violation.severity,
    message: violation.message ?? null,
    position: violation.position,
  };
}
