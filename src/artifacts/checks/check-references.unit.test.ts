import { describe, expect, it } from 'vitest';
import { checkTexts, formatForTest, yaml } from '../testing/check-texts.js';

const features = {
  file: 'features.yaml',
  text: yaml(
    '- featureId: BookingFlow',
    '  requiredBy: milestone:mvp-core',
    '  agentRoles: [BackendDeveloperAgent, backend-dev]',
    '- featureId: Notifications.Email.Send',
    '  requiredBy: milestone:mvp-redy',
    '  dependsOn: [BookingFlow, Booking.Created]',
  ),
};
const milestones = {
  file: 'milestones.yaml',
  text: yaml('milestones:', '  - id: mvp-core', '    requiredFeatures: [BookingFlow, Notification.Email.Send]', '  - id: mvp-ready', '    features: [Auth.Login]'),
};
const agents = {
  file: 'agents.yaml',
  text: yaml('agents:', '  - id: backend-developer', '    roles: [backend-developer]', '    executor: {type: builtin, name: planner}', '  - id: qa', '    roles: [QA]', '    executor: {type: builtin, name: qa-validator}'),
};

describe('checkReferences', () => {
  it('reports features, milestones and agent roles nothing defines, with suggestions', () => {
    const sprints = {
      file: 'sprints.yaml',
      text: yaml('sprints:', '  - id: s1', '    includes:', '      - Milestone: mvp-cor', '      - Features: [BookingFlow, Auth.Logn]', '      - Agents: [QAAgent, DevOpsEngineer]'),
    };
    expect(checkTexts([milestones, features, agents, sprints]).map(formatForTest)).toEqual([
      'features.yaml:3:39: error: feature BookingFlow needs agent role backend-dev, which no agent in agents.yaml provides (at [0].agentRoles[1])',
      'features.yaml:5:15: error: feature Notifications.Email.Send is required by milestone mvp-redy, which milestones.yaml does not define (did you mean mvp-ready?) (at [1].requiredBy)',
      'features.yaml:6:28: warning: feature Notifications.Email.Send depends on Booking.Created, which features.yaml does not define; the planner will defer it as a missing prerequisite (at [1].dependsOn[1])',
      'milestones.yaml:3:37: error: milestone mvp-core requires feature Notification.Email.Send, which features.yaml does not define (did you mean Notifications.Email.Send?) (at milestones[0].requiredFeatures[1])',
      'milestones.yaml:5:16: error: milestone mvp-ready requires feature Auth.Login, which features.yaml does not define (at milestones[1].features[0])',
      'sprints.yaml:4:20: error: sprint s1 belongs to milestone mvp-cor, which milestones.yaml does not define (did you mean mvp-core?) (at sprints[0].includes[0].Milestone)',
      'sprints.yaml:5:33: error: sprint s1 includes feature Auth.Logn, which features.yaml does not define (at sprints[0].includes[1].Features[1])',
      'sprints.yaml:6:27: error: sprint s1 needs agent role DevOpsEngineer, which no agent in agents.yaml provides (at sprints[0].includes[2].Agents[1])',
    ]);
  });

  it('checks roles activated by state machines and named by governance, and frozen milestones', () => {
    const machine = { file: 'fsm/sprint.yaml', text: yaml('states: [A, B]', 'transitions:', '  - {from: A, on: SprintPlanned, to: B, activate: [test-generator]}') };
    const governance = { file: 'factory-governance.yaml', text: yaml('planningMode: assisted', 'capacity:', '  roleEffort: {documentation: 3}', 'deploymentFreeze: [mvp-done]') };
    expect(checkTexts([milestones, agents, machine, governance]).map(formatForTest)).toEqual([
      'factory-governance.yaml:3:16: warning: capacity.roleEffort names agent role documentation, which no agent in agents.yaml provides (at capacity.roleEffort.documentation)',
      'factory-governance.yaml:4:20: error: deploymentFreeze names milestone mvp-done, which milestones.yaml does not define (did you mean mvp-core?) (at deploymentFreeze[0])',
      'fsm/sprint.yaml:3:52: error: state machine sprint activates agent role test-generator, which no agent in agents.yaml provides (at transitions[0].activate[0])',
    ]);
  });

  it('skips checks whose defining file is absent', () => {
    expect(checkTexts([milestones])).toEqual([]);
    expect(checkTexts([{ file: 'sprints.yaml', text: yaml('sprints:', '  - {id: s1, milestone: nowhere, features: [X], agents: [Y]}') }])).toEqual([]);
  });

  it('still checks references in a file that has schema errors elsewhere', () => {
    const broken = { file: 'milestones.yaml', text: yaml('milestones:', '  - id: m1', '    gateConditions: [allTestPassed]', '    features: [Nope]') };
    expect(checkTexts([broken, features]).filter((d) => d.file === 'milestones.yaml').map((d) => d.message)).toEqual([
      'unknown gate allTestPassed (did you mean allTestsPassed?)',
      'milestone m1 requires feature Nope, which features.yaml does not define',
    ]);
  });
});
