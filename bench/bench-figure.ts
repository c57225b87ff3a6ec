/** One measured figure, printed by the runner as one JSON line. */
export interface BenchFigure {
  scenario: string;
  metric: string;
  value: number;
  unit: string;
  /** What the figure is compared with, e.g. `raw better-sqlite3 insert`; null when it stands alone. */
  baseline: string | null;
  baselineValue: number | null;
  /** `value / baselineValue`, rounded to three places. */
  ratio: number | null;
  /** Lowest acceptable ratio; null for an informational figure. */
  target: number | null;
  /** Whether `ratio >= target`; null for an informational figure. */
  pass: boolean | null;
}

/** Builds a figure compared with a baseline; `target` null makes it informational. */
export function compareFigure(
  scenario: string,
  metric: string,
  unit: string,
  value: number,
  baseline: string,
  baselineValue: number,
  target: number | null,
): BenchFigure {
  const ratio = Math.round((value / baselineValue) * 1000) / 1000;
  return { scenario, metric, value: Math.round(value), unit, baseline, baselineValue: Math.round(baselineValue), ratio, target, pass: target === null ? null : ratio >= target };
}

/** A figure without a baseline. */
export function plainFigure(scenario: string, metric: string, unit: string, value: number): BenchFigure {
  return { scenario, metric, value: Math.round(value), unit, baseline: null, baselineValue: null, ratio: null, target: null, pass: null };
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
