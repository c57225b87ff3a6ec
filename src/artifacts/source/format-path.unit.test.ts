import { describe, expect, it } from 'vitest';
import { formatPath } from './format-path.js';

describe('formatPath', () => {
  it('writes keys with dots and indexes with brackets', () => {
    expect(formatPath(['milestones', 0, 'gateConditions', 2])).toBe('milestones[0].gateConditions[2]');
    expect(formatPath([0, 'colour'])).toBe('[0].colour');
    expect(formatPath(['features', 'Auth.Login', 'priority'])).toBe('features["Auth.Login"].priority');
    expect(formatPath(['capacity', 'roleEffort', 'backend-developer'])).toBe('capacity.roleEffort.backend-developer');
    expect(formatPath([])).toBe('');
  });
});
