import {
  builtinSecurityCheck,
  defaultExcludes,
  sourceFileGlob,
  type ConfirmedGate,
  type PatternRule,
  type SecurityCheck,
  type SecuritySeverity,
  type TextPattern,
} from '../../domain/security-policy/index.js';
import { omitUndefined } from '../normalize/omit-undefined.js';
import type { SecurityCheckEntry, SecurityPolicyFile } from './security-policy-schema.js';

/** How long a command check may run when the policy does not say. */
export const defaultCommandCheckTimeoutMs = 60_000;

/** Turns a validated `security-policy.yaml` into the checks to run: built-ins resolved by name, their fields replaced by what the entry gives. */
export function normalizeSecurityPolicy(file: SecurityPolicyFile): SecurityCheck[] {
  return file.checks.map((entry) => (typeof entry === 'string' ? (builtinSecurityCheck(entry.trim()) as SecurityCheck) : normalizeEntry(entry)));
}

function normalizeEntry(entry: SecurityCheckEntry): SecurityCheck {
  const builtin = builtinSecurityCheck(entry.name);
  const header = {
    name: entry.name,
    ...omitUndefined({ description: entry.description ?? builtin?.description, confirms: (entry.confirms as ConfirmedGate | undefined) ?? builtin?.confirms }),
    severity: (entry.severity as SecuritySeverity | undefined) ?? builtin?.severity ?? 'critical',
  };
  if (entry.command !== undefined) {
    return { ...header, rule: { kind: 'command', command: entry.command, timeoutMs: entry.timeoutMs ?? defaultCommandCheckTimeoutMs } };
  }
  const base: PatternRule =
    builtin?.rule.kind === 'pattern'
      ? builtin.rule
      : { kind: 'pattern', files: [sourceFileGlob], exclude: [...defaultExcludes], mustMatch: [], mustNotMatch: [], everyFile: false, ignoreCase: false };
  const looks = entry.mustMatch !== undefined || entry.mustContain !== undefined || entry.mustNotMatch !== undefined || entry.mustNotContain !== undefined;
  const rule: PatternRule = {
    kind: 'pattern',
    files: entry.files === undefined ? base.files : list(entry.files),
    exclude: entry.exclude === undefined ? base.exclude : list(entry.exclude),
    mustMatch: looks ? [...list(entry.mustMatch).map(regex), ...list(entry.mustContain).map(substring)] : base.mustMatch,
    mustNotMatch: looks ? [...list(entry.mustNotMatch).map(regex), ...list(entry.mustNotContain).map(substring)] : base.mustNotMatch,
    everyFile: entry.everyFile ?? base.everyFile,
    ignoreCase: entry.ignoreCase ?? base.ignoreCase,
  };
  return { ...header, rule };
}

function list(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}

function regex(text: string): TextPattern {
  return { text, regex: true };
}

function substring(text: string): TextPattern {
  return { text, regex: false };
}
