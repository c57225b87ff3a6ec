import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../events/envelope.js';
import { milestoneEvidenceScope, sprintEvidenceScope } from '../../evidence/evidence-scope.js';
import { createEventLog } from '../../evidence/testing/index.js';
import { given } from '../testing/index.js';

const sprint = sprintEvidenceScope({ id: 'sprint-4', features: [] });

/** The spec's security-audit.json, verbatim. */
const specAudit: JsonObject = {
  sprintId: 'sprint-4',
  traceId: 'trace-91dc',
  issues: [],
  status: 'Compliant',
  validatedBy: 'policy-validator',
  checks: ['CSPHeadersPresent', 'RateLimitingEnabled', 'TokenValidationMiddlewareConfigured', 'TraceSpansAttached'],
};

describe('noCriticalFindings / noCriticalSecurityFindings', () => {
  it('given the spec\'s compliant audit, passes under both names', () => {
    const log = createEventLog();
    for (const name of ['noCriticalFindings', 'noCriticalSecurityFindings']) {
      expect(given(sprint, [log.event('SecurityAuditCompleted', specAudit)]).when(name)).toMatchObject({
        gate: 'noCriticalFindings',
        written: name,
        passed: true,
        reason: 'no critical findings in the audit of sprint-4',
      });
    }
  });

  it('given a critical issue, or one without a severity, fails listing them; lesser findings pass', () => {
    const log = createEventLog({ sprintId: 'sprint-4' });
    const result = given(sprint, [
      log.event('SecurityAuditCompleted', { status: 'NonCompliant', issues: [{ severity: 'Critical', message: 'SQL injection in /bookings' }, { severity: 'low', message: 'verbose header' }, 'secret in logs'] }),
    ]).when('noCriticalFindings');
    expect(result).toMatchObject({ passed: false, reason: '2 critical findings: sprint-4: SQL injection in /bookings (critical); sprint-4: secret in logs (unknown)' });
    const lesser = given(sprint, [log.event('SecurityAuditCompleted', { status: 'Review', issues: [{ severity: 'medium', message: 'x' }] })]).when('noCriticalFindings');
    expect(lesser).toMatchObject({ passed: true, reason: 'no critical findings in the audit of sprint-4 (1 finding below critical)' });
  });

  it('given a critical violation, fails until a later audit of the sprint answers it', () => {
    const log = createEventLog({ sprintId: 'sprint-4' });
    const before = log.event('SecurityAuditCompleted', specAudit);
    const violation = log.event('SecurityPolicyViolation', { policy: 'jwtValidationEnabled', severity: 'critical', message: 'GET /bookings accepts unsigned tokens' });
    const after = log.event('SecurityAuditCompleted', specAudit);
    expect(given(sprint, [violation]).when('noCriticalFindings').reason).toBe(
      '1 critical finding: sprint-4: open violation jwtValidationEnabled (critical): GET /bookings accepts unsigned tokens',
    );
    expect(given(sprint, [before, violation]).when('noCriticalFindings').passed).toBe(false);
    expect(given(sprint, [violation, after]).when('noCriticalFindings').passed).toBe(true);
  });

  it('given no audit, fails: no scan is not no findings', () => {
    expect(given(sprint, []).when('noCriticalFindings')).toMatchObject({ passed: false, reason: 'no security audit recorded for sprint sprint-4 (SecurityAuditCompleted)' });
  });
});

describe('jwtValidationInPlace', () => {
  it('given the spec\'s audit (TokenValidationMiddlewareConfigured) or jwtValidationEnabled: true, passes', () => {
    const log = createEventLog({ sprintId: 'sprint-4' });
    expect(given(sprint, [log.event('SecurityAuditCompleted', specAudit)]).when('jwtValidationInPlace')).toMatchObject({ passed: true, reason: 'JWT validation: pass in the audit of sprint-4' });
    expect(given(sprint, [log.event('SecurityAuditCompleted', { jwtValidationEnabled: true })]).when('jwtValidationInPlace').passed).toBe(true);
  });

  it('given jwtValidationEnabled false in one sprint\'s audit, fails naming it', () => {
    const milestone = milestoneEvidenceScope({ id: 'security-verification', requiredFeatures: [], parallelStreams: [], allowsDeferred: false }, [
      { id: 'sprint-4', milestone: 'security-verification', features: [] },
      { id: 'sprint-5', milestone: 'security-verification', features: [] },
    ]);
    const log = createEventLog();
    const result = given(milestone, [
      log.event('SecurityAuditCompleted', specAudit, { sprintId: 'sprint-4' }),
      log.event('SecurityAuditCompleted', { status: 'Review', jwtValidationEnabled: false }, { sprintId: 'sprint-5' }),
    ]).when('jwtValidationInPlace');
    expect(result).toMatchObject({ passed: false, reason: 'JWT validation: fail in the audit of sprint-5, expected pass' });
  });

  it('given audits that do not mention JWT, or none, fails saying what to send', () => {
    const log = createEventLog({ sprintId: 'sprint-4' });
    expect(given(sprint, [log.event('SecurityAuditCompleted', { status: 'Compliant', checks: ['CSPHeadersPresent'] })]).when('jwtValidationInPlace').reason).toBe(
      'no audit states JWT validation (jwtValidationEnabled, or a TokenValidationMiddlewareConfigured check); audits of sprint-4',
    );
    expect(given(sprint, []).when('jwtValidationInPlace').passed).toBe(false);
  });

  it('given an open JWT violation after a confirming audit, fails', () => {
    const log = createEventLog({ sprintId: 'sprint-4' });
    const result = given(sprint, [log.event('SecurityAuditCompleted', specAudit), log.event('SecurityPolicyViolation', { rule: 'JwtValidation', severity: 'high' })]).when('jwtValidationInPlace');
    expect(result).toMatchObject({ passed: false, reason: 'sprint-4: open violation JwtValidation (high)' });
  });
});

describe('spanTemplatesVerified', () => {
  it('given securitySpanTemplateInjected templates, passes; given spanTemplatesVerified false, fails', () => {
    const log = createEventLog({ sprintId: 'sprint-4' });
    expect(given(sprint, [log.event('SecurityAuditCompleted', { securitySpanTemplateInjected: ['access_denied', 'token_expired'] })]).when('spanTemplatesVerified')).toMatchObject({
      passed: true,
      reason: 'security span templates: pass in the audit of sprint-4',
    });
    expect(given(sprint, [log.event('SecurityAuditCompleted', { spanTemplatesVerified: false })]).when('spanTemplatesVerified').reason).toBe(
      'security span templates: fail in the audit of sprint-4, expected pass',
    );
  });

  it('given the spec\'s audit, which says nothing of span templates, fails saying so', () => {
    const log = createEventLog({ sprintId: 'sprint-4' });
    expect(given(sprint, [log.event('SecurityAuditCompleted', specAudit)]).when('spanTemplatesVerified').reason).toBe(
      'no audit states security span templates (spanTemplatesVerified or securitySpanTemplateInjected); audits of sprint-4',
    );
  });
});

describe('traceSpanPolicyCheck: pass', () => {
  it('given the spec\'s audit (TraceSpansAttached), passes the spec\'s `traceSpanPolicyCheck: pass`', () => {
    const log = createEventLog({ sprintId: 'sprint-4' });
    expect(given(sprint, [log.event('SecurityAuditCompleted', specAudit)]).when({ traceSpanPolicyCheck: 'pass' })).toMatchObject({
      gate: 'traceSpanPolicyCheck',
      param: 'pass',
      passed: true,
      reason: 'trace span policy check: pass in the audit of sprint-4',
    });
  });

  it('given a failed check, fails; `traceSpanPolicyCheck: fail` then passes', () => {
    const log = createEventLog({ sprintId: 'sprint-4' });
    const events = [log.event('SecurityAuditCompleted', { traceSpanPolicyCheck: 'Failed' })];
    expect(given(sprint, events).when({ traceSpanPolicyCheck: 'pass' }).reason).toBe('trace span policy check: fail in the audit of sprint-4, expected pass');
    expect(given(sprint, events).when({ traceSpanPolicyCheck: 'fail' }).passed).toBe(true);
  });

  it('given no audit, fails', () => {
    expect(given(sprint, []).when({ traceSpanPolicyCheck: 'pass' }).passed).toBe(false);
  });
});
