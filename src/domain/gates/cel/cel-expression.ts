import { Environment, type ParseResult } from '@marcbachmann/cel-js';
import { evidenceViewVariables, type EvidenceView } from './evidence-view.js';

/*
 * The CEL engine of `expr:` gates. @marcbachmann/cel-js lives in the domain on purpose: it has no
 * dependencies, imports nothing (no node:*), performs no I/O, reads no clock (CEL has no `now()`;
 * `timestamp()` only parses its argument) and draws no random numbers, so evaluating an expression
 * over the same evidence always gives the same answer, which is what the domain requires. This file
 * is the only one that imports it.
 */

const environment = evidenceViewVariables.reduce(
  (env, name) => env.registerVariable(name, 'dyn'),
  new Environment({
    unlistedVariablesAreDyn: false,
    homogeneousAggregateLiterals: false,
    limits: { maxAstNodes: 2_000, maxDepth: 50, maxListElements: 1_000, maxMapEntries: 1_000, maxCallArguments: 32 },
  }),
);

/** A parsed expression, or why it cannot be one. */
export type CompiledExpression = { ok: true; run: ParseResult } | { ok: false; error: CelProblem };

/** A CEL parse, type or evaluation error, in words. */
export interface CelProblem {
  /** `parse`, `type` or `evaluation`. */
  stage: 'parse' | 'type' | 'evaluation';
  /** cel-js's error code (`unexpected_token`, `no_such_key`), when it gives one. */
  code: string | null;
  /** The first line of the message. */
  summary: string;
  /** The whole message, with the expression and a caret under the place. */
  message: string;
}

const compiled = new Map<string, CompiledExpression>();
const maxCached = 500;

/**
 * Parses and type-checks an expression against the evidence view's variables (cached by source).
 * Unknown variables and impossible operations are found here, before any evidence exists.
 */
export function compileExpression(source: string): CompiledExpression {
  const cached = compiled.get(source);
  if (cached !== undefined) return cached;
  const result = compile(source);
  if (compiled.size >= maxCached) compiled.clear();
  compiled.set(source, result);
  return result;
}

function compile(source: string): CompiledExpression {
  let run: ParseResult;
  try {
    run = environment.parse(source);
  } catch (error) {
    return { ok: false, error: celProblem('parse', error) };
  }
  const checked = run.check();
  if (!checked.valid) return { ok: false, error: celProblem('type', checked.error) };
  if (checked.type !== undefined && checked.type !== 'bool' && checked.type !== 'dyn') {
    const summary = `the expression gives ${checked.type}, not bool`;
    return { ok: false, error: { stage: 'type', code: 'not_boolean', summary, message: summary } };
  }
  return { ok: true, run };
}

/** The outcome of evaluating an expression: its value, or the error. */
export type ExpressionOutcome = { ok: true; value: unknown } | { ok: false; error: CelProblem };

/** Evaluates an expression over an evidence view. Never throws. */
export function runExpression(source: string, view: EvidenceView): ExpressionOutcome {
  const expression = compileExpression(source);
  if (!expression.ok) return expression;
  try {
    return { ok: true, value: expression.run({ ...view, evidence: view }) };
  } catch (error) {
    return { ok: false, error: celProblem('evaluation', error) };
  }
}

/** Why `source` is not a usable gate expression, or `undefined` when it is. */
export function expressionProblem(source: string): string | undefined {
  const expression = compileExpression(source);
  return expression.ok ? undefined : `CEL ${expression.error.stage} error: ${expression.error.summary}`;
}

function celProblem(stage: CelProblem['stage'], error: unknown): CelProblem {
  const message = error instanceof Error ? error.message : String(error);
  const record = error as { code?: unknown; summary?: unknown } | null | undefined;
  const code = typeof record?.code === 'string' ? record.code : null;
  const summary = typeof record?.summary === 'string' && record.summary !== '' ? record.summary : (message.split('\n')[0] ?? message);
  return { stage, code, summary, message };
}
