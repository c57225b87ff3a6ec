import { describe, expect, it } from 'vitest';
import { checkTexts, formatForTest, yaml } from '../testing/check-texts.js';

describe('checkDuplicateIds', () => {
  it('reports an id repeated within a file at the repeat, naming the first', () => {
    const text = yaml('milestones:', '  - id: mvp-core', '  - id: mvp-ready', '  - id: mvp-core');
    expect(checkTexts([{ file: 'milestones.yaml', text }]).map(formatForTest)).toEqual([
      'milestones.yaml:4:9: error: duplicate milestone id mvp-core (first defined at line 2) (at milestones[2].id)',
    ]);
  });

  it('reports a sprint defined in both sprints.yaml and sprint-plan.yaml', () => {
    const written = { file: 'planning/sprints.yaml', text: yaml('sprints:', '  - id: sprint-1') };
    const proposed = { file: 'planning/sprint-plan.yaml', text: yaml('sprints:', '  - id: sprint-2', '  - id: sprint-1') };
    expect(checkTexts([written, proposed]).map(formatForTest)).toEqual([
      'planning/sprint-plan.yaml:3:9: error: duplicate sprint id sprint-1 (first defined at sprints.yaml line 2) (at sprints[1].id)',
    ]);
  });

  it('reports repeated feature, agent and user ids, but lets many agents share a role', () => {
    const features = { file: 'features.yaml', text: yaml('- featureId: A', '- featureId: B', '- featureId: A') };
    const agents = {
      file: 'agents.yaml',
      text: yaml('agents:', '  - {id: dev, roles: [backend-developer], executor: {type: builtin, name: planner}}', '  - {id: dev, roles: [backend-developer], executor: {type: builtin, name: planner}}'),
    };
    const governance = { file: 'g.yaml', text: yaml('planningMode: assisted', 'users:', '  - {id: alice, roles: [po]}', '  - {id: alice, roles: [qa]}') };
    expect(checkTexts([features, agents, governance]).map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual([
      'agents.yaml:3: duplicate agent id dev (first defined at line 2)',
      'features.yaml:3: duplicate feature id A (first defined at line 1)',
      'g.yaml:4: duplicate user id alice (first defined at line 3)',
    ]);
  });
});
