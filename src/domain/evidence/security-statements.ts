import { wordKey } from './normalize-word.js';
import type { ScopeEvidence, SecurityAuditEvidence, SecurityViolationEvidence } from './scope-evidence.js';

const jwtChecks = new Set(['jwtvalidation', 'jwtvalidationenabled', 'jwtvalidationinplace', 'tokenvalidationmiddlewareconfigured']);
const spanChecks = new Set(['spantemplatesverified', 'securityspantemplateinjected', 'securityspantemplatesinjected', 'spantemplatesinjected']);
const traceSpanChecks = new Set(['tracespanpolicycheck', 'tracespanpolicy', 'tracespansattached']);

/** Severities that are not critical; anything else, including a missing severity, counts as critical. */
const nonCritical = new Set(['high', 'medium', 'moderate', 'low', 'info', 'informational', 'minor', 'major', 'warning', 'warn', 'note', 'none']);

/** Does a finding of this severity block `noCriticalFindings`? Missing or unknown severities do (fail safe). */
export function isCriticalSeverity(severity: string): boolean {
  return !nonCritical.has(wordKey(severity));
}

/** What a passed or failed check of one of `names` says: true, false, or nothing. */
function checkSays(audit: SecurityAuditEvidence, names: ReadonlySet<string>): boolean | undefined {
  if (audit.failedChecks.some((check) => names.has(wordKey(check)))) return false;
  if (audit.checks.some((check) => names.has(wordKey(check)))) return true;
  return undefined;
}

/** Does the audit confirm JWT validation (`jwtValidationEnabled`, or a JWT/token validation check)? `undefined` when it does not say. */
export function confirmsJwtValidation(audit: SecurityAuditEvidence): boolean | undefined {
  return audit.jwtValidationEnabled ?? checkSays(audit, jwtChecks);
}

/** Does the audit confirm security span templates (`spanTemplatesVerified`, `securitySpanTemplateInjected`, or such a check)? */
export function confirmsSpanTemplates(audit: SecurityAuditEvidence): boolean | undefined {
  return audit.spanTemplatesVerified ?? checkSays(audit, spanChecks);
}

/** The trace span policy check of the audit: `pass`, `fail`, another word, or `undefined` when it does not say. */
export function traceSpanPolicyOutcome(audit: SecurityAuditEvidence): string | undefined {
  if (audit.traceSpanPolicyCheck !== undefined) return audit.traceSpanPolicyCheck;
  const says = checkSays(audit, traceSpanChecks);
  return says === undefined ? undefined : says ? 'pass' : 'fail';
}

/** The latest audit of each source, in source order. */
export function latestAudits(evidence: ScopeEvidence): SecurityAuditEvidence[] {
  return Object.keys(evidence.security.audits)
    .sort()
    .map((source) => evidence.security.audits[source] as SecurityAuditEvidence);
}

/** Violations not yet answered by a later audit of the same source. */
export function openViolations(evidence: ScopeEvidence): SecurityViolationEvidence[] {
  return evidence.security.violations.filter((violation) => {
    const audit = Object.hasOwn(evidence.security.audits, violation.source) ? evidence.security.audits[violation.source] : undefined;
    return audit === undefined || audit.position < violation.position;
  });
}
