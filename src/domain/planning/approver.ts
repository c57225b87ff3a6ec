import type { Governance, GovernanceUser } from './governance.js';
import { isSameRole } from './role-key.js';

/** Who may approve or reject: the user, and the approval role that lets them; or why not. */
export type ApproverCheck = { allowed: true; user: GovernanceUser; role?: string } | { allowed: false; reason: string };

/**
 * May `userId` approve or reject a sprint under `governance`? Only a user `factory-governance.yaml`
 * names, holding one of its `approvalRoles` (any named user, when it lists none).
 *
 * @example checkApprover(governance, 'alice') // { allowed: true, user: alice, role: 'product-owner' }
 */
export function checkApprover(governance: Governance, userId: string): ApproverCheck {
  const user = governance.users.find((candidate) => candidate.id === userId);
  if (user === undefined) {
    const known = governance.users.map((candidate) => candidate.id);
    return { allowed: false, reason: known.length === 0 ? `${userId} is not a user of this workspace: planning/factory-governance.yaml names no users` : `${userId} is not a user of this workspace (users: ${known.join(', ')})` };
  }
  if (governance.approvalRoles.length === 0) return { allowed: true, user };
  const role = governance.approvalRoles.find((approval) => user.roles.some((held) => isSameRole(held, approval)));
  if (role !== undefined) return { allowed: true, user, role };
  const holders = governance.users.filter((candidate) => candidate.roles.some((held) => governance.approvalRoles.some((approval) => isSameRole(held, approval)))).map((candidate) => candidate.id);
  const held = user.roles.length === 0 ? 'no role' : `the role${user.roles.length === 1 ? '' : 's'} ${user.roles.join(', ')}`;
  return { allowed: false, reason: `${userId} holds ${held}, none of the approval roles ${governance.approvalRoles.join(', ')}${holders.length === 0 ? '' : ` (who may: ${holders.join(', ')})`}` };
}
