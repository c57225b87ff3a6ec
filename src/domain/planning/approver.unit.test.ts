import { describe, expect, it } from 'vitest';
import { checkApprover } from './approver.js';
import { defaultGovernance, type Governance } from './governance.js';

const governance: Governance = {
  ...defaultGovernance,
  approvalRoles: ['product-owner', 'qa-lead'],
  users: [
    { id: 'alice', roles: ['Product Owner'] },
    { id: 'bob', roles: ['backend-developer'] },
    { id: 'carol', roles: [] },
  ],
};

describe('checkApprover', () => {
  it('lets a user holding an approval role decide, whatever the spelling of the role', () => {
    expect(checkApprover(governance, 'alice')).toEqual({ allowed: true, user: governance.users[0], role: 'product-owner' });
  });

  it('refuses a user without an approval role, and says who may', () => {
    expect(checkApprover(governance, 'bob')).toEqual({ allowed: false, reason: 'bob holds the role backend-developer, none of the approval roles product-owner, qa-lead (who may: alice)' });
    expect(checkApprover(governance, 'carol')).toEqual({ allowed: false, reason: 'carol holds no role, none of the approval roles product-owner, qa-lead (who may: alice)' });
  });

  it('refuses an unknown user, naming the users there are', () => {
    expect(checkApprover(governance, 'mallory')).toEqual({ allowed: false, reason: 'mallory is not a user of this workspace (users: alice, bob, carol)' });
    expect(checkApprover(defaultGovernance, 'alice')).toEqual({ allowed: false, reason: 'alice is not a user of this workspace: planning/factory-governance.yaml names no users' });
  });

  it('lets any named user decide when the governance names no approval roles', () => {
    expect(checkApprover({ ...governance, approvalRoles: [] }, 'bob')).toMatchObject({ allowed: true });
  });
});
