import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../events/envelope.js';
import { sprintEvidenceScope } from '../evidence/evidence-scope.js';
import { createEventLog } from '../evidence/testing/index.js';
import { given } from '../gates/testing/index.js';
import { securityAuditReport } from './security-audit.js';
import type { CheckOutcome } from './security-check.js';

const scope = { sprintId: 'sprint-4', traceId: 'trace-91dc', validatedBy: 'policy-validator' };
const sprint = sprintEvidenceScope({ id: 'sprint-4', features: [] });

function outcome(name: string, passed: boolean, overrides: Partial<CheckOutcome> = {}): CheckOutcome {
  return { name, kind: 'pattern', severity: 'high', passed, detail: passed ? 'found' : 'not found', findings: [], ...overrides };
}

const allPass = [
  outcome('CSPHeadersPresent', true),
  outcome('RateLimitingEnabled', true),
  outcome('TokenValidationMiddlewareConfigured', true, { severity: 'critical', confirms: 'jwtValidationInPlace' }),
  outcome('TraceSpansAttached', true, { severity: 'medium', confirms: 'traceSpanPolicyCheck' }),
  outcome('spanTemplates', true, { severity: 'medium', confirms: 'spanTemplatesVerified' }),
];

/** The gates of the spec's audit hooks, evaluated over the events the report becomes (audit first, then violations). */
function gatesOver(report: ReturnType<typeof securityAuditReport>): Record<string, boolean> {
  const log = createEventLog({ sprintId: 'sprint-4' });
  const events = [log.event('SecurityAuditCompleted', report.completed), ...report.violations.map((violation) => log.event('SecurityPolicyViolation', violation))];
  const over = given(sprint, events);
  return Object.fromEntries(
    (['noCriticalSecurityFindings', 'jwtValidationInPlace', 'spanTemplatesVerified', { traceSpanPolicyCheck: 'pass' }] as const).map((gate) => [
      typeof gate === 'string' ? gate : 'traceSpanPolicyCheck',
      over.when(gate).passed,
    ]),
  );
}

describe('securityAuditReport', () => {
  it("writes a compliant run exactly in the spec's shape", () => {
    const report = securityAuditReport(scope, allPass.slice(0, 4), { report: 'execution/sprint-4/security/security-audit.json' });
    expect(report.audit).toEqual({
      sprintId: 'sprint-4',
      traceId: 'trace-91dc',
      issues: [],
      status: 'Compliant',
      validatedBy: 'policy-validator',
      checks: ['CSPHeadersPresent', 'RateLimitingEnabled', 'TokenValidationMiddlewareConfigured', 'TraceSpansAttached'],
    } satisfies JsonObject);
    expect(report.violations).toEqual([]);
    expect(report.completed).toMatchObject({ status: 'Compliant', jwtValidationEnabled: true, traceSpanPolicyCheck: 'pass', report: 'execution/sprint-4/security/security-audit.json' });
    expect(report.completed).not.toHaveProperty('spanTemplatesVerified');
  });

  it('passes every security gate when every check passes', () => {
    expect(gatesOver(securityAuditReport(scope, allPass, { report: 'r' }))).toEqual({ noCriticalSecurityFindings: true, jwtValidationInPlace: true, spanTemplatesVerified: true, traceSpanPolicyCheck: true });
  });

  it('lists a failed check as issues and a violation, and fails the gates it speaks for', () => {
    const failing = allPass.map((item) =>
      item.name === 'TokenValidationMiddlewareConfigured'
        ? { ...item, passed: false, detail: 'no verifier', findings: [{ message: '/AddJwtBearer/ not found in any file matching src/**/*.ts' }] }
        : item,
    );
    const report = securityAuditReport({ ...scope, milestoneId: 'security-verification' }, failing, { report: 'r' });
    expect(report.status).toBe('NonCompliant');
    expect(report.audit).toMatchObject({
      milestoneId: 'security-verification',
      status: 'NonCompliant',
      issues: [{ check: 'TokenValidationMiddlewareConfigured', severity: 'critical', message: '/AddJwtBearer/ not found in any file matching src/**/*.ts' }],
    });
    expect(report.violations).toEqual([
      {
        sprintId: 'sprint-4',
        milestoneId: 'security-verification',
        policy: 'TokenValidationMiddlewareConfigured',
        severity: 'critical',
        message: 'no verifier',
        findings: [{ message: '/AddJwtBearer/ not found in any file matching src/**/*.ts' }],
        validatedBy: 'policy-validator',
        report: 'r',
      },
    ]);
    expect(gatesOver(report)).toEqual({ noCriticalSecurityFindings: false, jwtValidationInPlace: false, spanTemplatesVerified: true, traceSpanPolicyCheck: true });
  });

  it('lets a failed check below critical through noCriticalFindings while failing its own gate', () => {
    const failing = allPass.map((item) => (item.name === 'spanTemplates' ? { ...item, passed: false, findings: [{ file: 'src/spans.ts', message: '"token_expired" not found' }] } : item));
    const report = securityAuditReport(scope, failing, { report: 'r' });
    expect(report.audit['issues']).toEqual([{ check: 'spanTemplates', severity: 'medium', message: 'src/spans.ts: "token_expired" not found', file: 'src/spans.ts' }]);
    expect(gatesOver(report)).toEqual({ noCriticalSecurityFindings: true, jwtValidationInPlace: true, spanTemplatesVerified: false, traceSpanPolicyCheck: true });
  });
});
