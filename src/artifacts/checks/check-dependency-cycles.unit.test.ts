import { describe, expect, it } from 'vitest';
import { checkTexts, formatForTest, yaml } from '../testing/check-texts.js';

describe('checkDependencyCycles', () => {
  it('names a cycle in order, at the first feature edge into it', () => {
    const text = yaml('- featureId: A', '  dependsOn: B', '- featureId: B', '  dependsOn: [C]', '- featureId: C', '  dependsOn: [D, A]', '- featureId: D');
    expect(checkTexts([{ file: 'features.yaml', text }]).map(formatForTest)).toEqual(['features.yaml:2:14: error: dependsOn cycle: A → B → C → A (at [0].dependsOn)']);
  });

  it('reports each cycle once, and a feature that depends on itself', () => {
    const text = yaml('features:', '  X: {dependsOn: [Y]}', '  Y: {dependsOn: [X]}', '  Z: {dependsOn: Z}', '  W: {dependsOn: [X]}');
    expect(checkTexts([{ file: 'features.yaml', text }]).map((d) => d.message)).toEqual(['dependsOn cycle: X → Y → X', 'feature Z depends on itself']);
  });

  it('handles a long chain without recursion', () => {
    const count = 20_000;
    const lines = Array.from({ length: count }, (_, i) => `- {featureId: F${i}, dependsOn: F${(i + 1) % count}}`);
    const diagnostics = checkTexts([{ file: 'features.yaml', text: yaml(...lines) }]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toMatch(/^dependsOn cycle: F0 → F1 → F2 → .* → F19999 → F0$/);
  });
});
