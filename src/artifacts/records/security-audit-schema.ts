import { z } from 'zod';
import { openObject } from '../schema/open-object.js';
import { stringListSchema } from '../schema/string-list-schema.js';

/** One finding of a security audit: a short text, or a map with its severity. */
export const securityFindingSchema = z.union([
  z.string(),
  openObject({
    check: z.string().optional(),
    severity: z.enum(['critical', 'high', 'medium', 'low', 'info', 'Critical', 'High', 'Medium', 'Low', 'Info']).optional(),
    message: z.string().optional(),
    file: z.string().optional(),
  }),
]);

/** `execution/<sprintId>/security/security-audit.json`. */
export const securityAuditSchema = openObject({
  sprintId: z.string().min(1),
  milestoneId: z.string().optional(),
  traceId: z.string().optional(),
  issues: z.array(securityFindingSchema),
  status: z.string().min(1).describe('e.g. Compliant'),
  validatedBy: z.string().optional(),
  checks: stringListSchema.optional(),
});

/** A valid security audit. */
export type SecurityAudit = z.infer<typeof securityAuditSchema>;
