import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateText } from '../../../artifacts/index.js';
import type { JsonObject } from '../../../domain/events/index.js';
import { sprintEvidenceScope } from '../../../domain/evidence/evidence-scope.js';
import { createEventLog } from '../../../domain/evidence/testing/index.js';
import { given } from '../../../domain/gates/testing/index.js';
import type { ExecutionRequest } from '../../../domain/orchestrator/index.js';
import type { AgentOutcome } from '../agent-runner.js';
import { createSecurityPolicyValidator } from './security-policy-validator.js';

// `attempt` is set as the orchestrator sets it; the cast keeps the test independent of fields added later.
const request = {
  executionId: 'exec:sprint-4#6:policy-validator',
  agentId: 'policy-validator',
  role: 'policy-validator',
  sprintId: 'sprint-4',
  currentState: 'Verifying',
  traceId: 'trace-91dc',
  correlationId: 'c',
  causationId: 'x',
  features: [],
  allowedSkills: ['ValidateSecurityPolicy'],
  attempt: 1,
} as ExecutionRequest;

const validator = createSecurityPolicyValidator();
const run = (workspace: string): Promise<AgentOutcome> => validator.run(request, { workspace, signal: new AbortController().signal });

const compliantServer = [
  "import helmet from 'helmet';",
  "import rateLimit from 'express-rate-limit';",
  "import jwt from 'jsonwebtoken';",
  'app.use(helmet());',
  'app.use(rateLimit({ windowMs: 60_000, max: 100 }));',
  'app.use((req, res, next) => { req.user = jwt.verify(token(req), publicKey); next(); });',
  "tracer.startActiveSpan('book', (span) => span.end());",
  "export const securitySpans = ['access_denied', 'token_expired'];",
].join('\n');

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kairos-security-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const auditOf = (dir: string): JsonObject => JSON.parse(readFileSync(join(dir, 'execution', 'sprint-4', 'security', 'security-audit.json'), 'utf8')) as JsonObject;

/** The security gates over what the execution reported, in report order. */
function gatesOver(outcome: AgentOutcome): Record<string, boolean> {
  const log = createEventLog({ sprintId: 'sprint-4' });
  const over = given(sprintEvidenceScope({ id: 'sprint-4', features: [] }), (outcome.reports ?? []).map((report) => log.event(report.type, report.data ?? {})));
  return {
    noCriticalSecurityFindings: over.when('noCriticalSecurityFindings').passed,
    jwtValidationInPlace: over.when('jwtValidationInPlace').passed,
    spanTemplatesVerified: over.when('spanTemplatesVerified').passed,
    traceSpanPolicyCheck: over.when({ traceSpanPolicyCheck: 'pass' }).passed,
  };
}

describe('built-in security-policy-validator agent', () => {
  it("writes a compliant audit exactly in the spec's shape, and the gates it feeds pass", async () => {
    const policy = ['checks:', '  - CSPHeadersPresent', '  - RateLimitingEnabled', '  - TokenValidationMiddlewareConfigured', '  - TraceSpansAttached', '  - jwtValidation', '  - spanTemplates', '  - NoHardcodedSecrets', '  - {name: LintClean, command: [node, -e, "process.exit(0)"]}', ''].join('\n');
    const dir = workspace({ 'planning/security-policy.yaml': policy, 'src/server.ts': compliantServer });
    const outcome = await run(dir);
    expect(outcome).toMatchObject({ status: 'completed', artifacts: ['execution/sprint-4/security/security-audit.json'] });
    const audit = auditOf(dir);
    expect(audit).toEqual({
      sprintId: 'sprint-4',
      traceId: 'trace-91dc',
      issues: [],
      status: 'Compliant',
      validatedBy: 'policy-validator',
      checks: ['CSPHeadersPresent', 'RateLimitingEnabled', 'TokenValidationMiddlewareConfigured', 'TraceSpansAttached', 'jwtValidation', 'spanTemplates', 'NoHardcodedSecrets', 'LintClean'],
    });
    expect(validateText(JSON.stringify(audit), 'security-audit.json').diagnostics).toEqual([]);
    expect(outcome.reports?.map((report) => report.type)).toEqual(['SecurityAuditCompleted']);
    expect(outcome.reports?.[0]?.data).toMatchObject({ status: 'Compliant', jwtValidationEnabled: true, spanTemplatesVerified: true, traceSpanPolicyCheck: 'pass', report: 'execution/sprint-4/security/security-audit.json' });
    expect((outcome.reports?.[0]?.data?.['checks'] as { name: string; detail: string }[]).find((check) => check.name === 'CSPHeadersPresent')?.detail).toBe('/Content-Security-Policy|contentSecurityPolicy|helmet\\s*\\(/ at src/server.ts:4 (1 file searched)');
    expect(gatesOver(outcome)).toEqual({ noCriticalSecurityFindings: true, jwtValidationInPlace: true, spanTemplatesVerified: true, traceSpanPolicyCheck: true });
  });

  it('lists violations in the audit and reports one SecurityPolicyViolation per failed check, after the audit', async () => {
    const policy = [
      'checks:',
      '  - CSPHeadersPresent',
      '  - TokenValidationMiddlewareConfigured',
      '  - NoHardcodedSecrets',
      '  - {name: AuditDependencies, severity: high, command: [node, -e, "console.error(\'Error: 2 critical vulnerabilities\') || process.exit(2)"]}',
      '  - {name: ScannerInstalled, severity: low, command: [kairos-no-such-scanner, --all]}',
      '  - {name: SlowScan, severity: medium, command: [node, -e, "setTimeout(() => {}, 60000)"], timeoutMs: 300}',
      '',
    ].join('\n');
    const dir = workspace({
      'planning/security-policy.yaml': policy,
      'src/server.ts': "app.use(helmet());\nconst awsKey = 'AKIAABCDEFGHIJKLMNOP';\n",
      'src/config.json': '{ "password": "correct-horse-battery-staple" }\n',
      // Outside the default selection: dependencies and tests are not the sprint's code.
      'node_modules/jsonwebtoken/verify.js': 'jwt.verify(token, key)',
      'src/server.test.ts': 'jwt.verify(token, key)',
    });
    const outcome = await run(dir);
    expect(outcome.status).toBe('completed');
    expect(outcome.reports?.map((report) => [report.type, report.data?.['policy'] ?? report.data?.['status']])).toEqual([
      ['SecurityAuditCompleted', 'NonCompliant'],
      ['SecurityPolicyViolation', 'TokenValidationMiddlewareConfigured'],
      ['SecurityPolicyViolation', 'NoHardcodedSecrets'],
      ['SecurityPolicyViolation', 'AuditDependencies'],
      ['SecurityPolicyViolation', 'ScannerInstalled'],
      ['SecurityPolicyViolation', 'SlowScan'],
    ]);
    const audit = auditOf(dir);
    expect(audit['status']).toBe('NonCompliant');
    expect((audit['issues'] as JsonObject[]).map((issue) => `${String(issue['check'])} (${String(issue['severity'])}): ${String(issue['message'])}`)).toEqual([
      expect.stringMatching(/^TokenValidationMiddlewareConfigured \(critical\): \/AddJwtBearer.*\/ not found in any file matching \*\*\/\*\.\{ts,.*\} \(2 files searched\)$/),
      expect.stringMatching(/^NoHardcodedSecrets \(critical\): src\/config\.json:1: forbidden \/\(\?:api.*\.\.\.\/ found$/),
      'NoHardcodedSecrets (critical): src/server.ts:2: forbidden /\\bAKIA[0-9A-Z]{16}\\b/ found',
      "AuditDependencies (high): `node -e \"console.error('Error: 2 critical vulnerabilities') || process.exit(2)\"` exited with code 2: Error: 2 critical vulnerabilities",
      expect.stringMatching(/^ScannerInstalled \(low\): `kairos-no-such-scanner --all` could not start: spawn kairos-no-such-scanner ENOENT$/),
      'SlowScan (medium): `node -e "setTimeout(() => {}, 60000)"` did not finish within 300 ms (killed)',
    ]);
    expect(validateText(JSON.stringify(audit), 'security-audit.json').diagnostics).toEqual([]);
    const everything = JSON.stringify([audit, outcome]);
    expect(everything).not.toContain('AKIAABCDEFGHIJKLMNOP');
    expect(everything).not.toContain('correct-horse');
    expect(gatesOver(outcome)).toMatchObject({ noCriticalSecurityFindings: false, jwtValidationInPlace: false });
  });

  it('never leaves the workspace: symbolic links are not followed', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'kairos-outside-'));
    writeFileSync(join(outside, 'server.ts'), "res.setHeader('Content-Security-Policy', \"default-src 'self'\");");
    const dir = workspace({ 'planning/security-policy.yaml': 'checks: [CSPHeadersPresent]\n', 'src/app.ts': 'app.listen(80);' });
    symlinkSync(outside, join(dir, 'src', 'linked'));
    symlinkSync(join(outside, 'server.ts'), join(dir, 'src', 'server.ts'));
    const outcome = await run(dir);
    expect(auditOf(dir)).toMatchObject({ status: 'NonCompliant', issues: [{ check: 'CSPHeadersPresent', severity: 'high' }] });
    expect(outcome.reports?.[1]).toMatchObject({ type: 'SecurityPolicyViolation', data: { policy: 'CSPHeadersPresent', message: expect.stringMatching(/\(1 file searched\)$/) } });
  });

  it("runs the spec's default checks when the workspace declares no policy, and says so", async () => {
    const dir = workspace({ 'src/server.ts': compliantServer });
    const outcome = await run(dir);
    expect(auditOf(dir)).toMatchObject({ status: 'Compliant', checks: ['CSPHeadersPresent', 'RateLimitingEnabled', 'TokenValidationMiddlewareConfigured', 'TraceSpansAttached'] });
    expect(outcome.reports?.[0]?.data?.['note']).toBe('no planning/security-policy.yaml: ran the default checks CSPHeadersPresent, RateLimitingEnabled, TokenValidationMiddlewareConfigured, TraceSpansAttached');
  });

  it('fails on an invalid policy with located errors, writing no audit', async () => {
    const dir = workspace({ 'planning/security-policy.yaml': 'checks:\n  - name: Escape\n    files: ../../etc/*\n    mustMatch: root\n' });
    expect(await run(dir)).toEqual({ status: 'failed', reason: 'planning/security-policy.yaml is invalid: planning/security-policy.yaml:3:12: error: glob ../../etc/* leaves the workspace (..)' });
  });
});
