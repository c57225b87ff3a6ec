/**
 * Gates: the catalog of named gate conditions and how a planning file's spelling of one resolves to
 * it; the evaluators that decide each gate over the evidence of a scope (`evaluateGate`,
 * `evaluateGates`), with a reason a person reads; `explainGates` for "why is this not moving?"; and
 * the CEL view `expr:` gates see. Pure: the CEL engine (@marcbachmann/cel-js) performs no I/O and
 * reads no clock, so it is used here directly (see cel/cel-expression.ts).
 */
export * from './gate-catalog.js';
export * from './gate-result.js';
export * from './evaluate-gate.js';
export * from './explain-gates.js';
export type { GateEvaluator } from './evaluators/gate-evaluator.js';
export type { EvidenceView, FeatureView, PullRequestView, SecurityView, TestRunView } from './cel/evidence-view.js';
export { evidenceView, evidenceViewVariables } from './cel/evidence-view.js';
export { compileExpression, expressionProblem, type CelProblem } from './cel/cel-expression.js';
