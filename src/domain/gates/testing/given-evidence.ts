import { collectEvidence } from '../../evidence/fold-evidence.js';
import type { EvidenceEvent } from '../../evidence/evidence-event.js';
import type { EvidenceScope } from '../../evidence/evidence-scope.js';
import type { ScopeEvidence } from '../../evidence/scope-evidence.js';
import { evaluateGate } from '../evaluate-gate.js';
import { parseGateCondition } from '../gate-catalog.js';
import type { GateResult } from '../gate-result.js';

/**
 * Given/when for gate tests: `given(scope, events).when('testCoverageAbove90')` folds the events and
 * evaluates the gate condition written as in a planning file (a name or a one-key map).
 */
export function given(scope: EvidenceScope, events: readonly EvidenceEvent[]): { evidence: ScopeEvidence; when(condition: unknown): GateResult } {
  const evidence = collectEvidence(scope, events);
  return {
    evidence,
    when(condition) {
      const parsed = parseGateCondition(condition);
      if (!parsed.ok) throw new Error(`test gate condition does not parse: ${parsed.message}`);
      return evaluateGate(parsed.ref, evidence);
    },
  };
}
