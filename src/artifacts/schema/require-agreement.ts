import type { z } from 'zod';
import { formatPath, type PathSegment } from '../source/format-path.js';

/** One place a value may be written, e.g. `owner` or `traceability.owner`. */
export interface Variant {
  path: PathSegment[];
  value: unknown;
}

/**
 * Adds an error when a value written in several places (the spec's spelling variants) is given
 * with different values, so Kairos never has to guess which one was meant.
 */
export function requireAgreement(context: z.RefinementCtx, label: string, variants: readonly Variant[]): void {
  const given = variants.filter((variant) => variant.value !== undefined);
  const first = given[0];
  if (first === undefined) return;
  for (const other of given.slice(1)) {
    if (JSON.stringify(other.value) === JSON.stringify(first.value)) continue;
    context.addIssue({
      code: 'custom',
      path: other.path,
      message: `${label} is given twice with different values: ${show(first.value)} at ${formatPath(first.path)} and ${show(other.value)} here; write it once`,
    });
  }
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
