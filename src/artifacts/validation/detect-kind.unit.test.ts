import { describe, expect, it } from 'vitest';
import { detectKind } from './detect-kind.js';

describe('detectKind', () => {
  it('tells planning files by their top-level key', () => {
    expect(detectKind({ milestones: [] }, 'x.yaml')).toBe('milestones');
    expect(detectKind({ sprints: [] }, 'x.yaml')).toBe('sprints');
    expect(detectKind({ states: [], transitions: [] }, 'x.yaml')).toBe('state-machine');
    expect(detectKind({ planningMode: 'assisted' }, 'x.yaml')).toBe('factory-governance');
    expect(detectKind({ agents: [] }, 'x.yaml')).toBe('agents');
    expect(detectKind({ features: {} }, 'x.yaml')).toBe('features');
    expect(detectKind([{ featureId: 'A' }], 'x.yaml')).toBe('features');
  });

  it('tells JSON artifacts by their shape, before keys they share with planning files', () => {
    expect(detectKind({ event: 'SprintPlanned', agents: [], features: [] }, 'x.json')).toBe('event');
    expect(detectKind({ eventId: 'e', type: 'SprintPlanned' }, 'x.json')).toBe('event');
    expect(detectKind({ sprintId: 's', features: [] }, 'x.json')).toBe('sprint-trace-matrix');
    expect(detectKind({ currentState: 'Active', allowedSkills: [] }, 'x.json')).toBe('fsm-context');
    expect(detectKind({ featureId: 'A', tests: [] }, 'x.json')).toBe('feature-test-link');
    expect(detectKind([{ featureId: 'A', tests: [] }], 'x.yaml')).toBe('feature-test-link');
    expect(detectKind({ sprintId: 's', checks: [] }, 'x.json')).toBe('security-audit');
    expect(detectKind({ agentId: 'a', skillId: 's' }, 'x.json')).toBe('execution-metadata');
  });

  it('falls back on the file name, and gives up on anything else', () => {
    expect(detectKind({}, 'execution/s/security-audit.json')).toBe('security-audit');
    expect(detectKind(undefined, 'planning/sprint-plan.yaml')).toBe('sprints');
    expect(detectKind({ colour: 'red' }, 'notes.yaml')).toBeUndefined();
    expect(detectKind('text', 'notes.yaml')).toBeUndefined();
  });
});
