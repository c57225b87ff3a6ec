import { describe, expect, it } from 'vitest';
import { formatForTest, yaml } from '../testing/check-texts.js';
import { readSpecFixture, specFixtureNames } from '../testing/read-spec-fixture.js';
import { validateText } from '../validation/validate-text.js';

describe('sprints.yaml schema', () => {
  it.each(specFixtureNames('sprints-'))('accepts the spec example %s as written', (name) => {
    const report = validateText(readSpecFixture(name), name);
    expect(report.kind).toBe('sprints');
    expect(report.diagnostics).toEqual([]);
  });

  it('detects sprint-plan.yaml as a sprints file', () => {
    expect(validateText('sprints: []\n', 'planning/sprint-plan.yaml').kind).toBe('sprints');
  });

  it('reports includes items, milestones that disagree, bad gates and policies, each located', () => {
    const text = yaml(
      'sprints:',
      '  - id: sprint-1',
      '    milestone: mvp-core',
      '    includes:',
      '      - Milestone: mvp-ready',
      '      - Feature: [BookingFlow]',
      '    gates: [traceValidatd]',
      '    concurrencyPolicy: exclusive',
      '    trigger: MilestoneStartd',
      '    governance:',
      '      approvalRequired: yes',
    );
    expect(validateText(text, 's.yaml').diagnostics.map(formatForTest)).toEqual([
      's.yaml:5:20: error: the sprint milestone is given twice with different values: mvp-core at milestone and mvp-ready here; write it once (at sprints[0].includes[0].Milestone)',
      's.yaml:6:9: warning: unknown key Feature is kept but not used (did you mean Features?) (at sprints[0].includes[1].Feature)',
      's.yaml:6:9: error: an includes item names a Milestone, Features or Agents (at sprints[0].includes[1])',
      's.yaml:7:13: error: unknown gate traceValidatd (did you mean traceValidated?) (at sprints[0].gates[0])',
      's.yaml:8:24: error: concurrencyPolicy must be one of shared, isolated, got exclusive (at sprints[0].concurrencyPolicy)',
      's.yaml:9:14: warning: MilestoneStartd is neither a catalog event nor an FSM signal (did you mean MilestoneStarted?); it fires only if something emits it (at sprints[0].trigger)',
      's.yaml:11:25: error: approvalRequired must be true or false, got text "yes" (at sprints[0].governance.approvalRequired)',
    ]);
  });
});
