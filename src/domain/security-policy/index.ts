/**
 * Security policy: the pure core of the built-in `security-policy-validator`. What a check is (a
 * pattern rule over the workspace's files or a command, with a severity and the gate it confirms),
 * the built-in checks a workspace names without writing them (the spec's CSPHeadersPresent,
 * RateLimitingEnabled, TokenValidationMiddlewareConfigured, TraceSpansAttached, jwtValidation,
 * spanTemplates…), workspace-confined globs and paths, running a pattern rule over file texts, and
 * shaping the outcomes into security-audit.json and the events the evidence fold reads. Walking the
 * workspace, reading files and running commands is the shell's job.
 */
export { builtinSecurityCheck, builtinSecurityCheckName, builtinSecurityCheckNames, defaultExcludes, defaultSecurityCheckNames, sourceFileGlob } from './builtin-security-checks.js';
export { describeFinding, evaluatePatternRule, isSelected, maxFindings, maxLineLength, ruleGlobs, type PatternVerdict, type RuleGlobs, type ScannedFile } from './evaluate-pattern-rule.js';
export { compileGlob, describeGlobProblem, isExcludedFolder, matchesGlob, type GlobPattern } from './glob-pattern.js';
export { AuditStatus, securityAuditReport, type AuditScope, type SecurityAuditReport } from './security-audit.js';
export {
  ConfirmedGate,
  confirmedGates,
  SecuritySeverity,
  securitySeverities,
  type CheckOutcome,
  type CommandRule,
  type PatternRule,
  type SecurityCheck,
  type SecurityFinding,
  type SecurityRule,
  type TextPattern,
} from './security-check.js';
export { compileTextPattern, describeRegexProblem, showTextPattern } from './text-pattern.js';
export { isAbsolutePath, workspacePath } from './workspace-path.js';
