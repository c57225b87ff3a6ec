/** How bad a failed check is. A failed `critical` check blocks the `noCriticalFindings` gate. */
export const SecuritySeverity = {
  Critical: 'critical',
  High: 'high',
  Medium: 'medium',
  Low: 'low',
  Info: 'info',
} as const;
export type SecuritySeverity = (typeof SecuritySeverity)[keyof typeof SecuritySeverity];

/** Every severity, worst first. */
export const securitySeverities: readonly SecuritySeverity[] = Object.values(SecuritySeverity);

/**
 * The gates whose statement a check makes: a passed check confirms it, a failed one denies it
 * (`jwtValidationEnabled`, `spanTemplatesVerified`, `traceSpanPolicyCheck` in the audit event).
 */
export const ConfirmedGate = {
  JwtValidationInPlace: 'jwtValidationInPlace',
  SpanTemplatesVerified: 'spanTemplatesVerified',
  TraceSpanPolicyCheck: 'traceSpanPolicyCheck',
} as const;
export type ConfirmedGate = (typeof ConfirmedGate)[keyof typeof ConfirmedGate];

/** Every gate a check can confirm. */
export const confirmedGates: readonly ConfirmedGate[] = Object.values(ConfirmedGate);

/** A text to look for: a regular expression (JavaScript syntax) or a plain substring. */
export interface TextPattern {
  text: string;
  regex: boolean;
}

/**
 * A rule over the workspace's files: every `mustMatch` pattern appears in one of the files the
 * globs select (in each of them with `everyFile`), and no `mustNotMatch` pattern appears in any.
 * Patterns match within one line.
 */
export interface PatternRule {
  kind: 'pattern';
  files: string[];
  exclude: string[];
  mustMatch: TextPattern[];
  mustNotMatch: TextPattern[];
  everyFile: boolean;
  ignoreCase: boolean;
}

/** A program run in the workspace: exit code 0 passes. A string runs through the shell. */
export interface CommandRule {
  kind: 'command';
  command: string | string[];
  timeoutMs: number;
}

/** A check's rule. */
export type SecurityRule = PatternRule | CommandRule;

/** One check of a security policy, normalised: a built-in by name or one the workspace wrote. */
export interface SecurityCheck {
  name: string;
  description?: string;
  severity: SecuritySeverity;
  confirms?: ConfirmedGate;
  rule: SecurityRule;
}

/** What one check found in one place. */
export interface SecurityFinding {
  message: string;
  file?: string;
  line?: number;
}

/** How a check ended: passed or not, a one-line detail, and the findings behind a failure. */
export interface CheckOutcome {
  name: string;
  kind: SecurityRule['kind'];
  severity: SecuritySeverity;
  confirms?: ConfirmedGate;
  passed: boolean;
  detail: string;
  findings: SecurityFinding[];
  durationMs?: number;
}
