import { describe, expect, it } from 'vitest';
import { milestoneEvidenceScope, sprintEvidenceScope } from '../evidence/evidence-scope.js';
import { collectEvidence } from '../evidence/fold-evidence.js';
import { emptyEvidence } from '../evidence/scope-evidence.js';
import { createEventLog } from '../evidence/testing/index.js';
import { evaluateGate, evaluateGates, hasGateEvaluator } from './evaluate-gate.js';
import { explainGates, gateLabel } from './explain-gates.js';
import { gateCatalog, parseGateCondition, type GateRef } from './gate-catalog.js';

const sprint = sprintEvidenceScope({ id: 'sprint-3', features: ['BookingFlow'] });

function refs(...conditions: unknown[]): GateRef[] {
  return conditions.map((condition) => {
    const parsed = parseGateCondition(condition);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.ref;
  });
}

describe('evaluateGate', () => {
  it('has an evaluator for every catalog gate, and each fails on empty evidence with a reason (missing evidence never passes)', () => {
    const evidence = emptyEvidence(sprint);
    for (const definition of gateCatalog) {
      expect(hasGateEvaluator(definition.gate)).toBe(true);
      const param = definition.param === 'number' ? 90 : definition.param === 'status' ? 'pass' : definition.param === 'expression' ? 'features.all(f, f.testsPassed)' : undefined;
      const result = evaluateGate({ gate: definition.gate, written: definition.gate, ...(param === undefined ? {} : { param }) }, evidence);
      expect({ gate: definition.gate, passed: result.passed }).toEqual({ gate: definition.gate, passed: false });
      expect(result.reason).not.toMatch(/unknown gate|could not be evaluated/);
    }
  });

  it('given a gate outside the catalog, fails with a suggestion instead of throwing', () => {
    expect(evaluateGate({ gate: 'allTestPassed', written: 'allTestPassed' }, emptyEvidence(sprint))).toEqual({
      gate: 'allTestPassed',
      written: 'allTestPassed',
      passed: false,
      reason: 'unknown gate allTestPassed (did you mean allTestsPassed?)',
      evidence: {},
    });
  });
});

describe('a waived gate (OverrideApplied skipGate)', () => {
  const log = createEventLog();
  const coverage = log.event('CoverageReported', { coverage: 84 }, { sprintId: 'sprint-3', featureId: 'BookingFlow' });
  const waiver = (scope: { sprintId: string } | { milestoneId: string }, gate: string) => log.event('OverrideApplied', { override: 'skipGate', gate, by: 'alice', reason: 'tool misreports' }, scope);
  const [ref] = refs('testCoverageAbove90');

  it('passes, saying who waived it, why, and what it bypassed', () => {
    const evidence = collectEvidence(sprint, [coverage, waiver({ sprintId: 'sprint-3' }, 'testCoverageAbove90')]);
    const result = evaluateGate(ref!, evidence);
    expect(result.passed).toBe(true);
    expect(result.reason).toBe('waived by alice: tool misreports (without the waiver: BookingFlow coverage 84% < 90%)');
    expect(result.evidence).toMatchObject({ waivedBy: 'alice', bypassed: 'BookingFlow coverage 84% < 90%' });
  });

  it("waives only its own scope's gate: a sprint's waiver does not waive its milestone's gate of the same name, nor the other way round", () => {
    const milestone = milestoneEvidenceScope({ id: 'mvp', requiredFeatures: [], parallelStreams: [], allowsDeferred: false }, [{ id: 'sprint-3', milestone: 'mvp', features: ['BookingFlow'] }]);
    const sprintWaiver = waiver({ sprintId: 'sprint-3' }, 'testCoverageAbove90');
    const milestoneWaiver = waiver({ milestoneId: 'mvp' }, 'testCoverageAbove90');
    expect(evaluateGate(ref!, collectEvidence(milestone, [coverage, sprintWaiver])).passed).toBe(false);
    expect(evaluateGate(ref!, collectEvidence(milestone, [coverage, milestoneWaiver])).passed).toBe(true);
    expect(evaluateGate(ref!, collectEvidence(sprint, [coverage, milestoneWaiver])).passed).toBe(false);
    expect(evaluateGate(ref!, collectEvidence(sprint, [coverage, waiver({ sprintId: 'sprint-3' }, 'testsPassed')])).passed).toBe(false);
  });
});

describe('evaluateGates and explainGates', () => {
  const log = createEventLog({ sprintId: 'sprint-3', featureId: 'BookingFlow' });
  const evidence = collectEvidence(sprint, [
    log.event('PullRequestMerged', { id: 42 }),
    log.event('CoverageReported', { coverage: 84 }),
    log.event('ValidationPassed', { resilienceScore: 91 }),
  ]);
  const gates = refs('allPullRequestsMerged', 'testCoverageAbove90', { resilienceScoreAbove: 85 }, { expr: 'coverage >= 80' });

  it('given gates, answers each in order and passes only when all pass', () => {
    const outcome = evaluateGates(gates, evidence);
    expect(outcome.passed).toBe(false);
    expect(outcome.results.map((result) => [result.written, result.passed])).toEqual([
      ['allPullRequestsMerged', true],
      ['testCoverageAbove90', false],
      ['resilienceScoreAbove', true],
      ['expr', true],
    ]);
    expect(evaluateGates([gates[0]!, gates[2]!], evidence).passed).toBe(true);
    expect(evaluateGates([], evidence)).toEqual({ passed: true, results: [] });
  });

  it('explains each result in one line, as the planning file wrote the gate', () => {
    const { results } = evaluateGates(gates, evidence);
    expect(explainGates(results)).toEqual([
      'allPullRequestsMerged: passed — all 1 pull request merged',
      'testCoverageAbove90: failed — BookingFlow coverage 84% < 90%',
      'resilienceScoreAbove: 85: passed — resilience score 91 ≥ 85',
      'expr: "coverage >= 80": passed — coverage >= 80 is true',
    ]);
    expect(explainGates(results, { failedOnly: true })).toEqual(['testCoverageAbove90: failed — BookingFlow coverage 84% < 90%']);
    expect(gateLabel({ written: 'testCoverageAbove', param: 90 })).toBe('testCoverageAbove: 90');
    expect(gateLabel({ written: 'traceSpanPolicyCheck', param: 'pass' })).toBe('traceSpanPolicyCheck: pass');
  });

  it('is quick enough to run on every evidence change', () => {
    const many = sprintEvidenceScope({ id: 'sprint-3', features: Array.from({ length: 200 }, (_, i) => `F${i}`) });
    const big = createEventLog({ sprintId: 'sprint-3' });
    const events = many.features.flatMap((featureId) => [
      big.event('ArtifactProduced', { path: `${featureId}.cs`, commit: `${featureId}-sha` }, { featureId }),
      big.event('TestRunCompleted', { passed: 10 }, { featureId }),
      big.event('CoverageReported', { coverage: 95 }, { featureId }),
    ]);
    const all = refs('testsPassed', 'testCoverageAbove90', 'traceMatrixComplete', { expr: 'features.all(f, f.coverage >= 90)' });
    const folded = collectEvidence(many, events);
    const started = performance.now();
    for (let i = 0; i < 20; i++) expect(evaluateGates(all, { ...folded }).passed).toBe(true);
    // 20 fresh evaluations of 4 gates over 200 features: well under a few milliseconds each.
    expect((performance.now() - started) / 20).toBeLessThan(50);
  });
});
