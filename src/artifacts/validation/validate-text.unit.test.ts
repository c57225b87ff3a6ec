import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { artifactKinds } from '../artifact-kind.js';
import { formatForTest } from '../testing/check-texts.js';
import { validateText } from './validate-text.js';

describe('validateText', () => {
  it('refuses a file whose kind it cannot tell, at its first key, naming the kinds', () => {
    const report = validateText('\n\ncolour: red\n', 'notes.yaml');
    expect(report.kind).toBeUndefined();
    expect(report.diagnostics.map(formatForTest)).toEqual([
      'notes.yaml:3:1: error: cannot tell what kind of file this is: expected a top-level key milestones, sprints, states, planningMode, agents or features, or a list of featureId items; name the kind explicitly, one of milestones, sprints, features, agents, factory-governance, state-machine, pipeline, security-policy, event, execution-metadata, sprint-trace-matrix, security-audit, fsm-context, feature-test-link',
    ]);
  });

  it('refuses an unknown explicit kind with a suggestion', () => {
    expect(validateText('milestones: []\n', 'm.yaml', { kind: 'milestone' }).diagnostics.map((d) => d.message)).toEqual([
      'unknown kind milestone (did you mean milestones?); kinds are milestones, sprints, features, agents, factory-governance, state-machine, pipeline, security-policy, event, execution-metadata, sprint-trace-matrix, security-audit, fsm-context, feature-test-link',
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

describe('validateText on arbitrary input', () => {
  const kinds = fc.constantFrom(undefined, ...artifactKinds);
  const located = (text: string, kind: (typeof artifactKinds)[number] | undefined): void => {
    const report = validateText(text, 'f.yaml', { kind });
    const lines = text.split('\n').length;
    for (const diagnostic of report.diagnostics) {
      expect(diagnostic.line).toBeGreaterThanOrEqual(1);
      expect(diagnostic.line).toBeLessThanOrEqual(lines);
      expect(diagnostic.column).toBeGreaterThanOrEqual(1);
      expect(diagnostic.message).not.toBe('');
    }
  };

  it('never throws and locates every diagnostic inside the text, whatever the characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), kinds, located), { numRuns: 300 });
  });

  it('never throws on YAML-shaped noise: brackets, indicators, anchors, aliases, documents', () => {
    const token = fc.constantFrom('[', ']', '{', '}', '- ', ': ', '\n', '  ', '&a ', '*a', '? ', 'milestones', 'id', 'features', '"', "'", '#', '---\n', 'x', ',', '|\n', '!!str ');
    fc.assert(fc.property(fc.array(token, { maxLength: 60 }).map((tokens) => tokens.join('')), kinds, located), { numRuns: 500 });
  });

  it('never throws on any well-formed data, of any kind', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), kinds, (value, kind) => located(stringify(value), kind)), { numRuns: 300 });
  });
});
