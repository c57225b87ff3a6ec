import { describe, expect, it } from 'vitest';
import { checkTexts, formatForTest, yaml } from '../testing/check-texts.js';

const machine = yaml('states: [A, B]', 'transitions:', '  - {from: A, on: SprintPlanned, to: B}');

describe('checkMachineIds', () => {
  it('accepts replacements of the sprint, milestone and phase machines', () => {
    expect(checkTexts([{ file: 'planning/fsm/sprint.yaml', text: machine }, { file: 'planning/fsm/other.yaml', text: `id: phase\n${machine}` }])).toEqual([]);
  });

  it('warns about a machine Kairos does not run, by file name or id', () => {
    expect(checkTexts([{ file: 'fsm/sprnt.yaml', text: machine }, { file: 'fsm/x.yaml', text: `id: feature\n${machine}` }]).map(formatForTest)).toEqual([
      'fsm/sprnt.yaml:1:1: warning: Kairos runs the machines sprint, milestone, phase; sprnt replaces none of them and is not used (did you mean sprint?)',
      'fsm/x.yaml:1:5: warning: Kairos runs the machines sprint, milestone, phase; feature replaces none of them and is not used (at id)',
    ]);
  });
});
