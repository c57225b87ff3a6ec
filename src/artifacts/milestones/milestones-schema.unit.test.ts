import { describe, expect, it } from 'vitest';
import { formatForTest, yaml } from '../testing/check-texts.js';
import { readSpecFixture, specFixtureNames } from '../testing/read-spec-fixture.js';
import { validateText } from '../validation/validate-text.js';

describe('milestones.yaml schema', () => {
  it.each(specFixtureNames('milestones-'))('accepts the spec example %s as written', (name) => {
    const report = validateText(readSpecFixture(name), name);
    expect(report.kind).toBe('milestones');
    expect(report.diagnostics).toEqual([]);
  });

  it("accepts the spec's audit-hook gateConditions inside a milestone", () => {
    const fragment = readSpecFixture('gate-conditions-fragment.yaml')
      .trimEnd()
      .split('\n')
      .map((line) => `    ${line}`);
    const report = validateText(yaml('milestones:', '  - id: security', ...fragment), 'milestones.yaml');
    expect(report.diagnostics).toEqual([]);
  });

  it('reports every problem at once, each at its line and column', () => {
    const text = yaml(
      'milestones:',
      '  - id: m1',
      '    gateConditions:',
      '      - allTestPassed',
      '      - resilienceScoreAbove: high',
      '    colour: red',
      '  - name: no id',
      '    allowsDeferred: true',
      '    deferredAllowed: false',
      '    onDeferEmit: FeatureDefered',
    );
    expect(validateText(text, 'm.yaml').diagnostics.map(formatForTest)).toEqual([
      'm.yaml:4:9: error: unknown gate allTestPassed (did you mean allTestsPassed?) (at milestones[0].gateConditions[0])',
      'm.yaml:5:9: error: gate resilienceScoreAbove needs a number, as in `resilienceScoreAbove: 85` (at milestones[0].gateConditions[1])',
      'm.yaml:6:5: warning: unknown key colour is kept but not used (at milestones[0].colour)',
      'm.yaml:7:5: error: missing required key id (at milestones[1].id)',
      'm.yaml:9:22: error: allowsDeferred is given twice with different values: true at allowsDeferred and false here; write it once (at milestones[1].deferredAllowed)',
      'm.yaml:10:18: error: unknown event FeatureDefered (did you mean FeatureDeferred?); the event log only accepts catalog events (at milestones[1].onDeferEmit)',
    ]);
  });

  it('refuses owners that disagree and triggers with unknown conditions, and warns on unknown trigger events', () => {
    const text = yaml(
      'milestones:',
      '  - id: m1',
      '    owner: product-owner',
      '    traceability:',
      '      owner: qa-lead',
      '    triggers:',
      '      - event: MilestoneCompleeted',
      '        next: deploy',
      '        condition: allStreamReady',
    );
    expect(validateText(text, 'm.yaml').diagnostics.map(formatForTest)).toEqual([
      'm.yaml:5:14: error: owner is given twice with different values: product-owner at owner and qa-lead here; write it once (at milestones[0].traceability.owner)',
      'm.yaml:7:16: warning: MilestoneCompleeted is neither a catalog event nor an FSM signal (did you mean MilestoneCompleted?); it fires only if something emits it (at milestones[0].triggers[0].event)',
      'm.yaml:9:20: error: unknown gate allStreamReady (did you mean allStreamsReady?) (at milestones[0].triggers[0].condition)',
    ]);
  });

  it('says what a milestones file must look like when the list is missing or of the wrong type', () => {
    expect(validateText('milestones: mvp\n', 'm.yaml').diagnostics.map(formatForTest)).toEqual([
      'm.yaml:1:13: error: milestones must be a list, got text "mvp" (at milestones)',
    ]);
    expect(validateText(yaml('milestones:', '  - id: 1.0'), 'm.yaml').diagnostics.map(formatForTest)).toEqual([
      'm.yaml:2:9: error: id must be text, got the number 1 (quote it to make it text) (at milestones[0].id)',
    ]);
  });
});
