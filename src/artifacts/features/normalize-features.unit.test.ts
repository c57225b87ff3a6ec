import { describe, expect, it } from 'vitest';
import { readSpecFixture } from '../testing/read-spec-fixture.js';
import { checkSource } from '../validation/check-source.js';
import type { FeaturesFile } from './features-schema.js';
import { normalizeFeatures } from './normalize-features.js';

function featuresOf(text: string) {
  const checked = checkSource(text, 'features.yaml');
  expect(checked.valid).toBe(true);
  return normalizeFeatures(checked.source.value as FeaturesFile);
}

describe('normalizeFeatures', () => {
  it("reads the spec's backlog item", () => {
    expect(featuresOf(readSpecFixture('features-backlog-item.yaml'))).toEqual([
      {
        id: 'Notifications.Email.Send',
        title: 'Email confirmations for booking',
        priority: 'P1',
        requiredBy: 'mvp-ready',
        dependsOn: ['Booking.Created'],
        estimatedEffort: 2,
        agentRoles: ['backend-developer', 'test-generator'],
        status: 'planned',
        acceptanceCriteria: [],
        labels: [],
        extra: {},
      },
    ]);
  });

  it('gives the same features from each form, with statuses and effort spellings resolved', () => {
    const list = featuresOf('- featureId: A\n  status: InProgress\n  effortEstimate: 3\n- featureId: B\n  dependsOn: [A]\n');
    const map = featuresOf('features:\n  A:\n    status: in-progress\n    estimatedEffort: 3\n  B:\n    dependsOn: A\n');
    expect(map).toEqual(list);
    expect(list.map((feature) => [feature.id, feature.status, feature.estimatedEffort ?? null, feature.dependsOn])).toEqual([
      ['A', 'inProgress', 3, []],
      ['B', 'planned', null, ['A']],
    ]);
  });

  it('takes a bare requiredBy milestone id as is', () => {
    expect(featuresOf('- featureId: A\n  requiredBy: mvp-core\n')[0]?.requiredBy).toBe('mvp-core');
  });
});
