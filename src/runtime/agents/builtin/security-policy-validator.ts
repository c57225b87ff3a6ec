import { dirname, join, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadSecurityPolicy } from '../../../artifacts/index.js';
import type { Diagnostic } from '../../../domain/errors/index.js';
import type { ExecutionRequest } from '../../../domain/orchestrator/index.js';
import {
  builtinSecurityCheck,
  defaultSecurityCheckNames,
  evaluatePatternRule,
  ruleGlobs,
  securityAuditReport,
  type CheckOutcome,
  type CommandRule,
  type PatternRule,
  type SecurityCheck,
} from '../../../domain/security-policy/index.js';
import { stderrSummary } from '../command-agent.js';
import { sprintStatePath } from '../../orchestrator/sprint-state-path.js';
import { writeFileAtomic } from '../../orchestrator/write-file-atomic.js';
import type { AgentOutcome, AgentRunContext, AgentRunner } from '../agent-runner.js';
import { runBounded, showCommand } from './devops-readiness-process.js';
import { createWorkspaceFiles, defaultWorkspaceFileLimits, type WorkspaceFileLimits, type WorkspaceFiles } from './security-policy-validator-files.js';

/** What the security policy validator reads from its surroundings; tests give their own. */
export interface SecurityPolicyValidatorOptions {
  /** The environment command checks run with. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** How much of the workspace pattern rules look at. */
  limits?: WorkspaceFileLimits;
}

/** The options with their defaults filled in. */
export function resolveSecurityPolicyValidatorOptions(options: SecurityPolicyValidatorOptions = {}): Required<SecurityPolicyValidatorOptions> {
  return { env: options.env ?? process.env, limits: options.limits ?? defaultWorkspaceFileLimits };
}

/**
 * The built-in security policy validator (`security-policy-validator`, the spec's
 * policy-validator): runs the checks of `planning/security-policy.yaml` (built-ins by name, pattern
 * rules over the workspace's files, commands), or the spec's four default checks when the
 * workspace declares none; writes `execution/<sprintId>/security/security-audit.json` in the spec's
 * shape; and reports SecurityAuditCompleted, then a SecurityPolicyViolation per failed check. A
 * failed check is a finding, not a failed execution: the execution completes either way.
 *
 * @example builtinAgents['security-policy-validator'] = createSecurityPolicyValidator();
 */
export function createSecurityPolicyValidator(options: SecurityPolicyValidatorOptions = {}): AgentRunner {
  const resolved = resolveSecurityPolicyValidatorOptions(options);
  return {
    run: async (request, context) => {
      try {
        return await validatePolicy(request, context, resolved);
      } catch (error) {
        return { status: 'failed', reason: `the security policy could not be checked: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
  };
}

/** The security policy validator over the process's own environment. */
export const securityPolicyValidator: AgentRunner = createSecurityPolicyValidator();

async function validatePolicy(request: ExecutionRequest, context: AgentRunContext, options: Required<SecurityPolicyValidatorOptions>): Promise<AgentOutcome> {
  const loaded = await loadSecurityPolicy(context.workspace);
  if (loaded.status === 'invalid') {
    const problems = loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => locate(d, context.workspace));
    return { status: 'failed', reason: `planning/security-policy.yaml is invalid: ${problems.join('; ')}` };
  }
  const checks = loaded.status === 'valid' ? loaded.checks : defaultSecurityCheckNames.map((name) => builtinSecurityCheck(name) as SecurityCheck);
  const note = loaded.status === 'absent' ? `no planning/security-policy.yaml: ran the default checks ${defaultSecurityCheckNames.join(', ')}` : undefined;
  const files = createWorkspaceFiles(context.workspace, options.limits);
  const outcomes: CheckOutcome[] = [];
  for (const check of checks) {
    if (context.signal.aborted) break;
    outcomes.push(await runCheck(check, files, context, options));
  }
  if (context.signal.aborted) return { status: 'failed', reason: 'interrupted before the security checks finished' };

  const auditFile = join(dirname(sprintStatePath(context.workspace, request.sprintId)), 'security', 'security-audit.json');
  const shown = relative(context.workspace, auditFile).split(sep).join('/');
  const scope = { sprintId: request.sprintId, ...(request.milestoneId === undefined ? {} : { milestoneId: request.milestoneId }), traceId: request.traceId, validatedBy: request.agentId };
  const report = securityAuditReport(scope, outcomes, { report: shown, ...(note === undefined ? {} : { note }) });
  await writeFileAtomic(auditFile, `${JSON.stringify(report.audit, null, 2)}\n`);
  return {
    status: 'completed',
    reports: [{ type: 'SecurityAuditCompleted', data: report.completed }, ...report.violations.map((data) => ({ type: 'SecurityPolicyViolation', data }))],
    artifacts: [shown],
  };
}

async function runCheck(check: SecurityCheck, files: WorkspaceFiles, context: AgentRunContext, options: Required<SecurityPolicyValidatorOptions>): Promise<CheckOutcome> {
  const began = performance.now();
  const verdict = check.rule.kind === 'pattern' ? await runPatternRule(check.rule, files, context.signal) : await runCommandRule(check.rule, context, options.env);
  return {
    name: check.name,
    kind: check.rule.kind,
    severity: check.severity,
    ...(check.confirms === undefined ? {} : { confirms: check.confirms }),
    ...verdict,
    durationMs: Math.max(0, Math.round(performance.now() - began)),
  };
}

async function runPatternRule(rule: PatternRule, files: WorkspaceFiles, signal: AbortSignal): Promise<Pick<CheckOutcome, 'passed' | 'detail' | 'findings'>> {
  const { paths, truncated } = await files.select(ruleGlobs(rule), signal);
  const scanned = await Promise.all(paths.map((path) => files.read(path)));
  const verdict = evaluatePatternRule(rule, scanned, { truncated });
  return { passed: verdict.passed, detail: verdict.detail, findings: verdict.findings };
}

async function runCommandRule(rule: CommandRule, context: AgentRunContext, env: NodeJS.ProcessEnv): Promise<Pick<CheckOutcome, 'passed' | 'detail' | 'findings'>> {
  const command = `\`${showCommand(rule.command)}\``;
  const result = await runBounded(rule.command, { cwd: context.workspace, timeoutMs: rule.timeoutMs, signal: context.signal, env });
  let detail: string;
  switch (result.kind) {
    case 'exited': {
      if (result.code === 0) return { passed: true, detail: `${command} exited 0`, findings: [] };
      const why = stderrSummary(result.stderr) || stderrSummary(result.stdout);
      detail = `${command} ${result.code === null ? `was killed by ${String(result.signal)}` : `exited with code ${result.code}`}${why === '' ? '' : `: ${why}`}`;
      break;
    }
    case 'timed-out':
      detail = `${command} did not finish within ${rule.timeoutMs} ms (killed)`;
      break;
    case 'not-started':
      detail = `${command} could not start: ${result.message}`;
      break;
    case 'interrupted':
      detail = `${command} was interrupted`;
      break;
    default: {
      const unreachable: never = result;
      return unreachable;
    }
  }
  return { passed: false, detail, findings: [{ message: detail }] };
}

/** `planning/security-policy.yaml:3:5: error: message`, the way every located problem reads. */
function locate(diagnostic: Diagnostic, workspace: string): string {
  const file = relative(workspace, diagnostic.file).split(sep).join('/');
  return `${file}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.severity}: ${diagnostic.message}`;
}
