import type { Diagnostic } from '../../domain/errors/index.js';
import type { SecurityCheck } from '../../domain/security-policy/index.js';
import { readOptionalPlanningFile } from '../workspace/read-optional-planning-file.js';
import { normalizeSecurityPolicy } from './normalize-security-policy.js';
import type { SecurityPolicyFile } from './security-policy-schema.js';

/** A workspace's `planning/security-policy.yaml`: absent, invalid (with located diagnostics), or its checks. */
export type LoadedSecurityPolicy =
  | { status: 'absent'; file: string }
  | { status: 'invalid'; file: string; diagnostics: Diagnostic[] }
  | { status: 'valid'; file: string; checks: SecurityCheck[]; diagnostics: Diagnostic[] };

/** Reads and validates `planning/security-policy.yaml`; never throws for what the file holds. */
export async function loadSecurityPolicy(root: string): Promise<LoadedSecurityPolicy> {
  const read = await readOptionalPlanningFile(root, 'security-policy', 'security-policy');
  if (read.status !== 'valid') return read;
  return { status: 'valid', file: read.file, checks: normalizeSecurityPolicy(read.value as SecurityPolicyFile), diagnostics: read.diagnostics };
}
