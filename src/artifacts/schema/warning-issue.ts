import type { PathSegment } from '../source/format-path.js';

/**
 * Zod has no warnings, so a check that only warns adds a custom issue carrying these params; the
 * validator sorts issues into errors and warnings by them. `at: 'key'` points the diagnostic at a
 * map key rather than its value.
 */
export interface WarningParams {
  severity: 'warning';
  at?: 'key';
}

/** A custom issue that is only a warning. */
export function warningIssue(message: string, path: PathSegment[], at?: 'key'): {
  code: 'custom';
  message: string;
  path: PathSegment[];
  params: WarningParams;
} {
  return { code: 'custom', message, path, params: at === undefined ? { severity: 'warning' } : { severity: 'warning', at } };
}

/** Does a zod issue's params mark it as a warning? */
export function isWarningParams(params: unknown): params is WarningParams {
  return typeof params === 'object' && params !== null && (params as { severity?: unknown }).severity === 'warning';
}
