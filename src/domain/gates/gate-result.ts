import type { JsonObject } from '../events/envelope.js';

/** What a gate says about one scope: passed or not, why in words, and the evidence behind it. */
export interface GateResult {
  /** The catalog name (`testCoverageAbove`). */
  gate: string;
  /** The name as the planning file wrote it (`testCoverageAbove90`, `allTestsPass`). */
  written: string;
  /** The parameter (`90`, `pass`, a CEL expression), when the gate takes one. */
  param?: number | string;
  passed: boolean;
  /** One line a person understands: `BookingFlow coverage 84% < 90%`. */
  reason: string;
  /** The facts the verdict rests on (which pull requests, which tests), JSON-safe for a GateEvaluated event. */
  evidence: JsonObject;
}

/** The verdict of an evaluator, before it is labelled with the gate reference. */
export interface GateVerdict {
  passed: boolean;
  reason: string;
  evidence: JsonObject;
}

/** The results of a list of gates, in order, and whether all passed. */
export interface GatesOutcome {
  passed: boolean;
  results: GateResult[];
}

/** A passing verdict. */
export function pass(reason: string, evidence: JsonObject = {}): GateVerdict {
  return { passed: true, reason, evidence };
}

/** A failing verdict. */
export function fail(reason: string, evidence: JsonObject = {}): GateVerdict {
  return { passed: false, reason, evidence };
}
