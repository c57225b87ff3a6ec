import { describe, expect, it } from 'vitest';
import { defaultLabelLimit, LabelLimiter, labelLimitFrom } from './label-limiter.js';

describe('LabelLimiter', () => {
  it('keeps the first N distinct values of each label and folds later ones into "other"', () => {
    const overflowed: string[] = [];
    const limiter = new LabelLimiter(2, (label) => overflowed.push(label));
    expect(['s1', 's2', 's1', 's3', 's4', 's2'].map((value) => limiter.value('sprintId', value))).toEqual(['s1', 's2', 's1', 'other', 'other', 's2']);
    // Each label has its own room; an empty value (an absent label) takes none.
    expect(limiter.labels({ agentId: 'qa', sprintId: 's9', featureId: '' })).toEqual({ agentId: 'qa', sprintId: 'other', featureId: '' });
    expect(overflowed).toEqual(['sprintId', 'sprintId', 'sprintId']);
  });

  it('reads its limit from KAIROS_METRICS_LABEL_LIMIT when that is a positive integer', () => {
    expect(labelLimitFrom('500')).toBe(500);
    for (const setting of [undefined, '', '0', '-3', '2.5', 'many']) expect(labelLimitFrom(setting)).toBe(defaultLabelLimit);
  });
});
