import { didYouMean } from '../text/closest-match.js';
import { expressionProblem } from './cel/cel-expression.js';

/** What a gate takes as its parameter. */
export const GateParam = {
  None: 'none',
  Number: 'number',
  Status: 'status',
  Expression: 'expression',
} as const;
export type GateParam = (typeof GateParam)[keyof typeof GateParam];

export interface GateDefinition {
  /** The one name the evaluator is known by. */
  gate: string;
  /** Every spelling the spec uses for it. */
  aliases: readonly string[];
  param: GateParam;
  description: string;
}

/** The gate catalog (DESIGN.md section 6). */
export const gateCatalog: readonly GateDefinition[] = [
  { gate: 'allPullRequestsMerged', aliases: [], param: 'none', description: 'every pull request of the scope is merged' },
  { gate: 'testsPassed', aliases: ['allTestsPass', 'allTestsPassed'], param: 'none', description: 'the latest test run of every in-scope feature passed' },
  { gate: 'testCoverageAbove', aliases: [], param: 'number', description: 'coverage of every in-scope feature is at least N percent (also written testCoverageAbove90)' },
  { gate: 'blueprintValidated', aliases: [], param: 'none', description: 'a BlueprintValidated event was recorded for the scope' },
  { gate: 'traceMatrixComplete', aliases: ['sprint-trace-matrix.complete', 'traceValidated'], param: 'none', description: 'every in-scope feature links a file, a commit, a test and its coverage' },
  { gate: 'resilienceScoreAbove', aliases: [], param: 'number', description: 'the reported resilience score is at least N' },
  { gate: 'noCriticalFindings', aliases: ['noCriticalSecurityFindings'], param: 'none', description: 'the security audit has no critical finding' },
  { gate: 'jwtValidationInPlace', aliases: [], param: 'none', description: 'the security audit confirms JWT validation' },
  { gate: 'spanTemplatesVerified', aliases: [], param: 'none', description: 'the security audit confirms span templates' },
  { gate: 'traceSpanPolicyCheck', aliases: [], param: 'status', description: 'the trace span policy check has the given status (pass)' },
  { gate: 'allSprintsClosed', aliases: [], param: 'none', description: 'every sprint of the milestone is closed' },
  { gate: 'allStreamsReady', aliases: [], param: 'none', description: 'every parallel stream of the milestone is ready' },
  { gate: 'expr', aliases: [], param: 'expression', description: 'a CEL expression over the evidence is true' },
];

const byName = new Map<string, GateDefinition>();
for (const definition of gateCatalog) {
  byName.set(definition.gate, definition);
  for (const alias of definition.aliases) byName.set(alias, definition);
}

/** A gate condition as written in a planning file, resolved against the catalog. */
export interface GateRef {
  gate: string;
  /** The name as the user wrote it. */
  written: string;
  param?: number | string;
}

export type GateParseResult = { ok: true; ref: GateRef } | { ok: false; message: string };

const coverageShorthand = /^testCoverageAbove(\d{1,3})$/;

/** Every name a planning file may use for a gate, for suggestions and schemas. */
export const gateNames: readonly string[] = [...byName.keys()];

/**
 * Resolves one `gateConditions` item: a name (`allTestsPassed`, `testCoverageAbove90`) or a
 * one-key map (`resilienceScoreAbove: 85`, `expr: "…"`).
 */
export function parseGateCondition(raw: unknown): GateParseResult {
  if (typeof raw === 'string') return resolveName(raw, undefined);
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    const entries = Object.entries(raw);
    if (entries.length !== 1) {
      return { ok: false, message: 'a gate condition map must have exactly one key, the gate name' };
    }
    const [name, param] = entries[0] as [string, unknown];
    return resolveName(name, param);
  }
  return { ok: false, message: 'a gate condition is a gate name or a one-key map such as `resilienceScoreAbove: 85`' };
}

function resolveName(name: string, param: unknown): GateParseResult {
  const shorthand = coverageShorthand.exec(name);
  if (shorthand !== null) {
    if (param !== undefined) return { ok: false, message: `gate ${name} takes no parameter` };
    return { ok: true, ref: { gate: 'testCoverageAbove', written: name, param: Number(shorthand[1]) } };
  }
  const definition = byName.get(name);
  if (definition === undefined) {
    return { ok: false, message: `unknown gate ${name}${didYouMean(name, gateNames)}` };
  }
  return checkParam(definition, name, param);
}

/** A number parameter: a finite number, or a string holding one (`"90"`, `"90%"`). */
function readNumberParam(param: unknown): number | undefined {
  if (typeof param === 'number') return Number.isFinite(param) ? param : undefined;
  if (typeof param !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(param);
  return match === null ? undefined : Number(match[1]);
}

function checkParam(definition: GateDefinition, written: string, param: unknown): GateParseResult {
  const ref: GateRef = { gate: definition.gate, written };
  switch (definition.param) {
    case 'none':
      if (param !== undefined && param !== null && param !== true) {
        return { ok: false, message: `gate ${written} takes no parameter` };
      }
      return { ok: true, ref };
    case 'number': {
      const number = readNumberParam(param);
      if (number === undefined) {
        return { ok: false, message: `gate ${written} needs a number, as in \`${written}: 85\`` };
      }
      return { ok: true, ref: { ...ref, param: number } };
    }
    case 'status': {
      // `traceSpanPolicyCheck: true` reads as `pass`.
      const status = typeof param === 'boolean' ? (param ? 'pass' : 'fail') : param;
      if (typeof status !== 'string' || status.trim().length === 0) {
        return { ok: false, message: `gate ${written} needs a status, as in \`${written}: pass\`` };
      }
      return { ok: true, ref: { ...ref, param: status.trim() } };
    }
    case 'expression': {
      if (typeof param !== 'string' || param.trim().length === 0) {
        return { ok: false, message: 'gate expr needs a CEL expression string, as in `expr: "features.all(f, f.coverage >= 90)"`' };
      }
      const problem = expressionProblem(param);
      if (problem !== undefined) return { ok: false, message: `gate expr: ${problem}` };
      return { ok: true, ref: { ...ref, param } };
    }
    default: {
      const unreachable: never = definition.param;
      return unreachable;
    }
  }
}
