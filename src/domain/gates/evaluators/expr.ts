import { runExpression } from '../cel/cel-expression.js';
import { evidenceView } from '../cel/evidence-view.js';
import { fail, pass } from '../gate-result.js';
import type { GateEvaluator } from './gate-evaluator.js';

/**
 * `expr: "<CEL>"`: the expression, evaluated over the evidence view (see `EvidenceView`), is true.
 * A parse, type or evaluation error fails the gate with the CEL error as the reason; so does a
 * value that is not a boolean.
 */
export const expr: GateEvaluator = (evidence, ref) => {
  const source = typeof ref.param === 'string' ? ref.param : '';
  if (source.trim() === '') return fail('expr needs a CEL expression, as in `expr: "features.all(f, f.coverage >= 90)"`');
  const outcome = runExpression(source, evidenceView(evidence));
  if (!outcome.ok) {
    const { stage, code, summary, message } = outcome.error;
    const hint = /null/.test(summary) ? ' (a value is missing from the evidence: guard it, as in `f.coverage != null && f.coverage >= 90`)' : '';
    return fail(`CEL ${stage} error: ${summary}${hint}`, { expression: source, stage, code, error: message });
  }
  const { value } = outcome;
  if (typeof value !== 'boolean') {
    return fail(`the expression gave ${describeValue(value)}, not a boolean`, { expression: source, value: describeValue(value) });
  }
  return value
    ? pass(`${source} is true`, { expression: source, value: true })
    : fail(`${source} is false`, { expression: source, value: false });
};

/** A CEL value in words: `int 3`, `double 84.5`, `string "x"`, `list of 2`, `map`, `null`. */
function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return `int ${value}`;
  if (typeof value === 'number') return `double ${value}`;
  if (typeof value === 'string') return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (Array.isArray(value)) return `list of ${value.length}`;
  if (value instanceof Uint8Array) return 'bytes';
  if (value instanceof Date) return 'timestamp';
  return 'map';
}
