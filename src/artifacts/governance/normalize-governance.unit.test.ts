import { describe, expect, it } from 'vitest';
import { readSpecFixture } from '../testing/read-spec-fixture.js';
import { checkSource } from '../validation/check-source.js';
import type { FactoryGovernanceFile } from './factory-governance-schema.js';
import { normalizeGovernance } from './normalize-governance.js';

function governanceOf(text: string) {
  const checked = checkSource(text, 'factory-governance.yaml');
  expect(checked.valid).toBe(true);
  return normalizeGovernance(checked.source.value as FactoryGovernanceFile);
}

describe('normalizeGovernance', () => {
  it("reads the spec's example", () => {
    expect(governanceOf(readSpecFixture('factory-governance.yaml'))).toEqual({
      planningMode: 'assisted',
      approvalRoles: ['product-owner', 'domain-lead'],
      users: [],
      capacity: { roleEffort: {} },
      deploymentFreeze: [],
    });
  });

  it('resolves mode spellings and both approval role forms', () => {
    const governance = governanceOf('planningMode: Manual-Only\napprovalRoles: [a, {role: b}]\ncapacity: {sprintEffort: 8}\n');
    expect(governance).toMatchObject({ planningMode: 'manual-only', approvalRoles: ['a', 'b'], capacity: { sprintEffort: 8, roleEffort: {} } });
  });
});
