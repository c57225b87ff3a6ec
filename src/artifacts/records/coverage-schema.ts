import { z } from 'zod';

/** Test coverage as a percentage: `94`, or the spec's `"94%"`. */
export const coverageSchema = z.union([
  z.number().min(0).max(100),
  z.string().regex(/^(100|\d{1,2})(\.\d+)?%$/, { error: 'coverage is a percentage such as "94%" or 94' }),
]);
