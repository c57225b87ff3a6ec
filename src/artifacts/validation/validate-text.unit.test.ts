import { describe, expect, it } from 'vitest';
import { formatForTest } from '../testing/check-texts.js';
import { validateText } from './validate-text.js';

describe('validateText', () => {
  it('refuses a file whose kind it cannot tell, at its first key, naming the kinds', () => {
    const report = validateText('\n\ncolour: red\n', 'notes.yaml');
    expect(report.kind).toBeUndefined();
    expect(report.diagnostics.map(formatForTest)).toEqual([
      'notes.yaml:3:1: error: cannot tell what kind of file this is: expected a top-level key milestones, sprints, states, planningMode, agents or features, or a list of featureId items; name the kind explicitly, one of milestones, sprints, features, agents, factory-governance, state-machine, event, execution-metadata, sprint-trace-matrix, security-audit, fsm-context, feature-test-link',
    ]);
  });

  it('refuses an unknown explicit kind with a suggestion', () => {
    expect(validateText('milestones: []\n', 'm.yaml', { kind: 'milestone' }).diagnostics.map((d) => d.message)).toEqual([
      'unknown kind milestone (did you mean milestones?); kinds are milestones, sprints, features, agents, factory-governance, state-machine, event, execution-metadata, sprint-trace-matrix, security-audit, fsm-context, feature-test-link',
    ]);
  });

  it('checks against the kind given, not the one the content suggests', () => {
    expect(validateText('sprints: []\n', 'm.yaml', { kind: 'milestones' }).diagnostics.map(formatForTest)).toEqual([
      'm.yaml:1:1: error: missing required key milestones (at milestones)',
      'm.yaml:1:1: warning: unknown key sprints is kept but not used (at sprints)',
    ]);
  });

  it('says what a file must be when its top level is the wrong type', () => {
    expect(validateText('- a\n- b\n', 'm.yaml', { kind: 'milestones' }).diagnostics.map(formatForTest)).toEqual(['m.yaml:1:1: error: the file must be a map, got a list']);
  });

  it('reports parse problems and stops there', () => {
    expect(validateText('milestones: [\n', 'm.yaml').diagnostics.map((d) => d.severity)).toEqual(['error']);
  });
});
