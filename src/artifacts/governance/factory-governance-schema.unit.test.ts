import { describe, expect, it } from 'vitest';
import { formatForTest, yaml } from '../testing/check-texts.js';
import { readSpecFixture } from '../testing/read-spec-fixture.js';
import { validateText } from '../validation/validate-text.js';

describe('factory-governance.yaml schema', () => {
  it("accepts the spec's example as written", () => {
    const report = validateText(readSpecFixture('factory-governance.yaml'), 'factory-governance.yaml');
    expect(report.kind).toBe('factory-governance');
    expect(report.diagnostics).toEqual([]);
  });

  it('accepts plain approval role names, users, capacity and deployment freezes', () => {
    const text = yaml(
      'planningMode: Autonomous',
      'approvalRoles: [product-owner, {role: domain-lead}]',
      'users:',
      '  - {id: alice, roles: [product-owner]}',
      '  - {id: bob, roles: [domain-lead]}',
      'capacity: {sprintEffort: 10, roleEffort: {backend-developer: 6}}',
      'deploymentFreeze: [mvp-ready]',
    );
    expect(validateText(text, 'g.yaml').diagnostics).toEqual([]);
  });

  it('reports unknown modes and approval roles nobody holds', () => {
    const text = yaml('planningMode: hybrid', 'approvalRoles:', '  - role: product-owner', '  - role: domain-lead', 'users:', '  - {id: alice, roles: [ProductOwner]}');
    expect(validateText(text, 'g.yaml').diagnostics.map(formatForTest)).toEqual([
      'g.yaml:1:15: error: planningMode must be one of autonomous, assisted, manual-only, got hybrid (at planningMode)',
      'g.yaml:4:5: warning: no user holds approval role domain-lead, so nobody can approve for it (at approvalRoles[1])',
    ]);
  });
});
