import { describe, expect, it } from 'vitest';
import { formatForTest, yaml } from '../testing/check-texts.js';
import { readSpecFixture } from '../testing/read-spec-fixture.js';
import { validateText } from '../validation/validate-text.js';

describe('state machine schema', () => {
  it("accepts the spec's sprint orchestrator machine as written", () => {
    const report = validateText(readSpecFixture('state-machine-sprint.yaml'), 'planning/fsm/sprint.yaml');
    expect(report.kind).toBe('state-machine');
    expect(report.diagnostics).toEqual([]);
  });

  it('accepts guards, emitted events, activated roles, initial and final states', () => {
    const text = yaml(
      'id: sprint',
      'initial: Planning',
      'states: [Planning, Active, Verifying, Closed, Paused]',
      'final: [Closed]',
      'transitions:',
      '  - {from: Planning, on: SprintPlanned, to: Active, activate: [backend-developer, test-generator]}',
      '  - from: Active',
      '    on: SprintOutputsReady',
      '    to: Verifying',
      '    guard: [allTestsPassed, {testCoverageAbove: 90}]',
      '    emit: GateEvaluated',
      '  - {from: Verifying, on: gatesPassed, to: Closed, guard: traceMatrixComplete, emit: [SprintClosed]}',
      '  - {from: "*", on: SprintPaused, to: Paused}',
    );
    expect(validateText(text, 'sprint.yaml').diagnostics).toEqual([]);
  });

  it('reports unknown states, gates and emitted events, and shadowed transitions, each located', () => {
    const text = yaml(
      'initial: Plannig',
      'states: [Planning, Active, Active]',
      'transitions:',
      '  - {from: Planning, on: SprintPlanned, to: Activ}',
      '  - {from: [Planning, Verifying], on: SprintPlanned, to: Active}',
      '  - from: Active',
      '    on: OutputsReady',
      '    to: Planning',
      '    guard: allTestPassed',
      '    emit: [SprintClosd]',
    );
    expect(validateText(text, 'sprint.yaml').diagnostics.map(formatForTest)).toEqual([
      'sprint.yaml:1:10: error: initial state Plannig is not one of the states (did you mean Planning?) (at initial)',
      'sprint.yaml:2:28: error: state Active is listed twice (at states[2])',
      'sprint.yaml:4:45: error: target state Activ is not one of the states (did you mean Active?) (at transitions[0].to)',
      'sprint.yaml:5:5: warning: transitions[0] already leaves Planning on SprintPlanned without a guard, so this one is never taken (at transitions[1])',
      'sprint.yaml:5:23: error: from state Verifying is not one of the states (at transitions[1].from[1])',
      'sprint.yaml:7:9: warning: OutputsReady is neither a catalog event nor an FSM signal; it fires only if something emits it (at transitions[2].on)',
      'sprint.yaml:9:12: error: unknown gate allTestPassed (did you mean allTestsPassed?) (at transitions[2].guard)',
      'sprint.yaml:10:12: error: unknown event SprintClosd (did you mean SprintClosed?); the event log only accepts catalog events (at transitions[2].emit[0])',
    ]);
  });

  it('accepts history and rewind targets', () => {
    const text = yaml(
      'states: [Active, Paused, Aborted]',
      'final: [Aborted]',
      'transitions:',
      '  - {from: Active, on: SprintPaused, to: Paused}',
      '  - {from: Paused, on: SprintResumed, to: $history}',
      '  - {from: "*", on: SprintRewound, to: $earlier}',
      '  - {from: "*", on: SprintAborted, to: Aborted}',
    );
    expect(validateText(text, 'sprint.yaml').diagnostics).toEqual([]);
  });

  it("reports the engine's definition checks at their place in the file", () => {
    const text = yaml(
      'states: [Planning, Active, Closed, Forgotten, $later]',
      'final: [Closed]',
      'transitions:',
      '  - {from: Planning, on: SprintReadyToStart, to: Active}',
      '  - {from: Active, on: SprintClosed, to: Closed}',
      '  - {from: [Active, Closed], on: SprintRewound, to: $earlier}',
      '  - {from: Forgotten, on: SprintResumed, to: Planning}',
    );
    expect(validateText(text, 'sprint.yaml').diagnostics.map(formatForTest)).toEqual([
      'sprint.yaml:1:36: warning: state Forgotten cannot be reached from Planning; the machine never enters it (at states[3])',
      'sprint.yaml:1:47: error: $later cannot name a state: "*" and names starting with $ are reserved (at states[4])',
      'sprint.yaml:6:21: error: Closed is a final state: no transition may leave it (at transitions[2].from[1])',
    ]);
  });
});
