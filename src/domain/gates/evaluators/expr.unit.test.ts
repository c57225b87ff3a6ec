import { describe, expect, it } from 'vitest';
import { sprintEvidenceScope } from '../../evidence/evidence-scope.js';
import { collectEvidence } from '../../evidence/fold-evidence.js';
import { createEventLog } from '../../evidence/testing/index.js';
import { evaluateGate } from '../evaluate-gate.js';
import { given } from '../testing/index.js';

const sprint = sprintEvidenceScope({ id: 'sprint-4', features: ['BookingFlow', 'Notification.Email.Send'] });
const log = createEventLog({ sprintId: 'sprint-4' });
const events = [
  log.event('CoverageReported', { coverage: '94%' }, { featureId: 'BookingFlow' }),
  log.event('CoverageReported', { coverage: 84 }, { featureId: 'Notification.Email.Send' }),
  log.event('TestRunCompleted', { suite: 'booking', passed: 12 }, { featureId: 'BookingFlow' }),
  log.event('SecurityAuditCompleted', { status: 'Compliant', issues: [], checks: ['TokenValidationMiddlewareConfigured'] }),
  log.event('PullRequestCreated', { id: 42, branch: 'feature/booking/sprint-4' }, { featureId: 'BookingFlow' }),
];
const evidence = collectEvidence(sprint, events);
const expr = (source: string) => evaluateGate({ gate: 'expr', written: 'expr', param: source }, evidence);

describe('expr: CEL over the evidence view', () => {
  it('given a true expression, passes; given a false one, fails quoting it', () => {
    expect(given(sprint, events).when({ expr: 'security.status == "Compliant"' })).toMatchObject({ gate: 'expr', passed: true, reason: 'security.status == "Compliant" is true' });
    expect(expr('features.all(f, f.coverage >= 90)')).toMatchObject({ passed: false, reason: 'features.all(f, f.coverage >= 90) is false' });
    expect(expr('features.exists(f, f.coverage >= 90)').passed).toBe(true);
  });

  it('sees the documented view: per-feature links, totals, security statements, the whole view as `evidence`', () => {
    for (const source of [
      'byFeature["BookingFlow"].coverage == 94.0',
      'byFeature["BookingFlow"].testsPassed && !byFeature["Notification.Email.Send"].testsPassed',
      'coverage == 84',
      'tests.passed == 12 && tests.runs == 1',
      'security.jwtValidationEnabled == true && security.compliant && security.criticalFindings == 0',
      'pullRequests.exists(p, p.id == "42" && !p.merged && p.branch.startsWith("feature/"))',
      'size(evidence.features) == 2 && scope.kind == "sprint" && scope.id == "sprint-4"',
      'resilience.score == null && !blueprint.validated && ignored == 0',
      'sprints.all(s, s.standing == "planned")',
      'int(tests.passed) + 1 == 13',
    ]) {
      expect({ source, passed: expr(source).passed }).toEqual({ source, passed: true });
    }
  });

  it('given a parse error, fails with the CEL error instead of throwing', () => {
    const result = expr('features.all(f, f.coverage >=');
    expect(result.passed).toBe(false);
    expect(result.reason).toMatch(/^CEL parse error: /);
    expect(result.evidence).toMatchObject({ expression: 'features.all(f, f.coverage >=', stage: 'parse' });
  });

  it('given an unknown variable, fails with a type error naming it', () => {
    expect(expr('coverge >= 90').reason).toBe('CEL type error: Unknown variable: coverge');
  });

  it('given a runtime error, fails with it (and a hint when a value is missing)', () => {
    expect(expr('byFeature["Nope"].coverage >= 1')).toMatchObject({ passed: false, reason: 'CEL evaluation error: No such key: Nope' });
    const missing = collectEvidence(sprint, []);
    const result = evaluateGate({ gate: 'expr', written: 'expr', param: 'features.all(f, f.coverage >= 90)' }, missing);
    expect(result.reason).toBe(
      'CEL evaluation error: no such overload: dyn<null> >= int (a value is missing from the evidence: guard it, as in `f.coverage != null && f.coverage >= 90`)',
    );
    expect(evaluateGate({ gate: 'expr', written: 'expr', param: 'features.all(f, f.coverage != null && f.coverage >= 90)' }, missing).reason).toBe(
      'features.all(f, f.coverage != null && f.coverage >= 90) is false',
    );
  });

  it('given a value that is not a boolean, fails saying what it gave', () => {
    expect(expr('size(features)')).toMatchObject({ passed: false, reason: 'CEL type error: the expression gives int, not bool' });
    expect(expr('byFeature["BookingFlow"].coverage')).toMatchObject({ passed: false, reason: 'the expression gave double 94, not a boolean' });
    expect(expr('security.status')).toMatchObject({ passed: false, reason: 'the expression gave string "Compliant", not a boolean' });
  });

  it('given no expression, fails', () => {
    expect(evaluateGate({ gate: 'expr', written: 'expr' }, evidence)).toMatchObject({ passed: false });
  });
});
