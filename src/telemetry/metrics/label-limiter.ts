/** The value a label takes once its limit of distinct values is reached. */
export const overflowLabelValue = 'other';

/** The default number of distinct values each label keeps (`KAIROS_METRICS_LABEL_LIMIT`). */
export const defaultLabelLimit = 100;

/**
 * Bounds the series a large backlog can create: per label name, the first `limit` distinct values
 * keep their value and any later one becomes `other`. Empty values (an absent label) are not
 * counted. `onOverflow` hears each time a value is folded into `other` (nothing is kept of folded
 * values: memory stays bounded too).
 *
 * @example const limit = new LabelLimiter(2); limit.value('sprintId', 'a'); limit.value('sprintId', 'b'); limit.value('sprintId', 'c') // 'other'
 */
export class LabelLimiter {
  private readonly seen = new Map<string, Set<string>>();

  constructor(
    readonly limit: number = defaultLabelLimit,
    private readonly onOverflow: (label: string) => void = () => undefined,
  ) {}

  /** The value to record for `label`: itself while the label has room, else `other`. */
  value(label: string, value: string): string {
    if (value === '') return value;
    let values = this.seen.get(label);
    if (values === undefined) {
      values = new Set();
      this.seen.set(label, values);
    }
    if (values.has(value)) return value;
    if (values.size < this.limit) {
      values.add(value);
      return value;
    }
    this.onOverflow(label);
    return overflowLabelValue;
  }

  /** Every label of `labels` through `value`. */
  labels<T extends Record<string, string>>(labels: T): T {
    const bounded: Record<string, string> = {};
    for (const [label, value] of Object.entries(labels)) bounded[label] = this.value(label, value);
    return bounded as T;
  }
}

/** The label limit of `KAIROS_METRICS_LABEL_LIMIT` when it is a positive integer, else the default. */
export function labelLimitFrom(setting: string | undefined): number {
  const limit = setting === undefined ? Number.NaN : Number(setting);
  return Number.isSafeInteger(limit) && limit > 0 ? limit : defaultLabelLimit;
}
