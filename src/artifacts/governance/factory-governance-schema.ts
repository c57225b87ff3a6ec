import { z } from 'zod';
import { roleKey } from '../../domain/planning/role-key.js';
import { isRecord } from '../schema/is-record.js';
import { openObject } from '../schema/open-object.js';
import { stringListSchema } from '../schema/string-list-schema.js';
import { warningIssue } from '../schema/warning-issue.js';
import { planningModeSpellings, type PlanningModeSpelling } from './planning-mode-spellings.js';

/** An approval role: `{role: product-owner}` as in the spec, or the plain name. */
export const approvalRoleSchema = z.union([z.string().min(1), openObject({ role: z.string().min(1) })]);

/** A person (or an agent acting for one) and the roles they hold. */
export const governanceUserSchema = openObject({
  id: z.string().min(1),
  name: z.string().optional(),
  roles: stringListSchema,
});

/** Planning limits per sprint. */
export const capacitySchema = openObject({
  sprintEffort: z.number().positive().optional().describe('Most total estimatedEffort one sprint takes.'),
  roleEffort: z.record(z.string(), z.number().nonnegative()).optional().describe('Most estimatedEffort per agent role per sprint.'),
  sprintsPerMilestone: z.number().int().positive().optional().describe('Most sprints the planner proposes per milestone; what does not fit is deferred and rolls forward.'),
});

/** `factory-governance.yaml`. */
export const factoryGovernanceFileSchema = openObject({
  planningMode: z
    .enum(Object.keys(planningModeSpellings) as [PlanningModeSpelling, ...PlanningModeSpelling[]])
    .describe('autonomous: no human gate; assisted: plans need approval; manual-only: people plan.'),
  approvalRoles: z.array(approvalRoleSchema).optional(),
  users: z.array(governanceUserSchema).optional(),
  capacity: capacitySchema.optional(),
  deploymentFreeze: stringListSchema.optional().describe('Milestone ids whose transitions wait for a manual approval.'),
  checkpointEvery: z.number().int().nonnegative().optional().describe('A SprintCheckpoint after every N completed features; 0 or absent: once, at the midpoint.'),
  maxGateRetries: z.number().int().nonnegative().optional().describe('How often a sprint whose gates fail goes back to work by itself before it waits for a person (default 2).'),
}).superRefine(
  (governance, context) => {
    if (!Array.isArray(governance.users) || governance.users.length === 0 || !Array.isArray(governance.approvalRoles)) return;
    const held = new Set(governance.users.flatMap((user) => (isRecord(user) && Array.isArray(user.roles) ? user.roles.map(String).map(roleKey) : [])));
    governance.approvalRoles.forEach((entry, index) => {
      const role = typeof entry === 'string' ? entry : isRecord(entry) && typeof entry.role === 'string' ? entry.role : undefined;
      if (role !== undefined && !held.has(roleKey(role))) {
        context.addIssue(warningIssue(`no user holds approval role ${role}, so nobody can approve for it`, ['approvalRoles', index]));
      }
    });
  },
  { when: (payload) => isRecord(payload.value) },
);

/** A valid factory-governance.yaml. */
export type FactoryGovernanceFile = z.infer<typeof factoryGovernanceFileSchema>;
