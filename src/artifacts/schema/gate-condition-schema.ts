import { z } from 'zod';
import { gateNames, parseGateCondition } from '../../domain/gates/gate-catalog.js';

/**
 * One gate condition as written: a name (`allTestsPassed`, `testCoverageAbove90`) or a one-key map
 * (`resilienceScoreAbove: 85`, `traceSpanPolicyCheck: pass`, `expr: "…"`), checked against the
 * gate catalog with a did-you-mean for unknown names.
 */
export const gateConditionSchema = z
  .union([z.string(), z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()]))])
  .superRefine((value, context) => {
    const parsed = parseGateCondition(value);
    if (!parsed.ok) context.addIssue({ code: 'custom', message: parsed.message });
  })
  .meta({ description: 'A gate name, or a one-key map such as `resilienceScoreAbove: 85`.', examples: [...gateNames] });

/** A list of gate conditions (`gateConditions`, sprint `gates`, transition `guard`). */
export const gateConditionListSchema = z.array(gateConditionSchema);
