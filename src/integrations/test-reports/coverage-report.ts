import type { CoverageMetric } from './coverage-metric.js';

/** The coverage formats Kairos reads. */
export const CoverageFormat = {
  Lcov: 'lcov',
  IstanbulSummary: 'istanbul-summary',
  Cobertura: 'cobertura',
} as const;
export type CoverageFormat = (typeof CoverageFormat)[keyof typeof CoverageFormat];

/** Coverage of one source file. A metric is absent when the format or tool did not measure it. */
export interface FileCoverage {
  /**
   * The path as the report wrote it: absolute or relative to the project for lcov and Istanbul,
   * relative to one of `sourceRoots` for Cobertura.
   */
  path: string;
  lines: CoverageMetric;
  branches?: CoverageMetric;
  functions?: CoverageMetric;
  statements?: CoverageMetric;
}

/**
 * One coverage report in one shape whatever its format. Totals are summed from the files when the
 * report lists files, and taken from the report's own summary only when it lists none.
 */
export interface CoverageReport {
  format: CoverageFormat;
  /** The report file, as given to the parser. */
  file: string;
  lines: CoverageMetric;
  branches?: CoverageMetric;
  functions?: CoverageMetric;
  statements?: CoverageMetric;
  files: FileCoverage[];
  /** Folders the file paths are relative to (Cobertura's `<sources>`); empty for other formats. */
  sourceRoots: string[];
}
