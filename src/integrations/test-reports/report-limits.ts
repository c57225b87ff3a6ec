/** Limits that keep a hostile or runaway report from exhausting memory or time. */
export interface ReportLimits {
  /** Largest report read, checked before parsing (bytes for files, UTF-16 units for text). */
  maxBytes: number;
  /** Longest failure message or failure output kept per test case; the rest is cut. */
  maxTextChars: number;
}

/** 32 MiB per report; 8,192 characters of failure text per test case. */
export const defaultReportLimits: ReportLimits = {
  maxBytes: 32 * 1024 * 1024,
  maxTextChars: 8192,
};

/** The given limits with the defaults filled in. */
export function resolveReportLimits(options: Partial<ReportLimits> = {}): ReportLimits {
  return { ...defaultReportLimits, ...options };
}
