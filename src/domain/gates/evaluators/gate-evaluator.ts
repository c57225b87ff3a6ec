import type { ScopeEvidence } from '../../evidence/scope-evidence.js';
import type { GateRef } from '../gate-catalog.js';
import type { GateVerdict } from '../gate-result.js';

/** Decides one catalog gate over the evidence of a scope. Pure; never throws. */
export type GateEvaluator = (evidence: ScopeEvidence, ref: GateRef) => GateVerdict;
