/** How much of one kind of thing (lines, branches, functions, statements) the tests ran. */
export interface CoverageMetric {
  covered: number;
  total: number;
  /**
   * `covered / total` as a percentage rounded to 2 decimals (66.67, where Istanbul's own summary
   * truncates to 66.66), or `null` when `total` is 0: nothing to cover is neither 0% nor 100%, and
   * a gate must decide for itself what it means.
   */
  percent: number | null;
}

/** A metric from its counts, with the percentage worked out. */
export function coverageMetric(covered: number, total: number): CoverageMetric {
  return { covered, total, percent: total === 0 ? null : Math.round((covered / total) * 10_000) / 100 };
}

/** The sum of several metrics, or `undefined` when there are none. */
export function sumCoverageMetrics(metrics: readonly (CoverageMetric | undefined)[]): CoverageMetric | undefined {
  let covered = 0;
  let total = 0;
  let any = false;
  for (const metric of metrics) {
    if (metric === undefined) continue;
    any = true;
    covered += metric.covered;
    total += metric.total;
  }
  return any ? coverageMetric(covered, total) : undefined;
}

/** `{ [key]: metric }`, or `{}` when there is no metric: for spreading optional metrics into a result. */
export function optionalMetric<K extends string>(key: K, metric: CoverageMetric | undefined): { [P in K]?: CoverageMetric } {
  return (metric === undefined ? {} : { [key]: metric }) as { [P in K]?: CoverageMetric };
}
