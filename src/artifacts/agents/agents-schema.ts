import { z } from 'zod';
import { closestMatch } from '../../domain/text/closest-match.js';
import { openObject } from '../schema/open-object.js';
import { stringListSchema } from '../schema/string-list-schema.js';
import { warningIssue } from '../schema/warning-issue.js';
import { builtinAgentNames } from './builtin-agent-names.js';

/** `executor: {type: builtin, name}`. */
export const builtinExecutorSchema = openObject({
  type: z.literal('builtin'),
  name: z.string().min(1).superRefine((name, context) => {
    if ((builtinAgentNames as readonly string[]).includes(name)) return;
    const suggestion = closestMatch(name, builtinAgentNames);
    const hint = suggestion === undefined ? `; built-in agents are ${builtinAgentNames.join(', ')}` : ` (did you mean ${suggestion}?)`;
    context.addIssue(warningIssue(`Kairos ships no built-in agent ${name}${hint}`, []));
  }),
});

/** `executor: {type: command, command, cwd?, env?}`: a string runs through the shell, a list without one. */
export const commandExecutorSchema = openObject({
  type: z.literal('command'),
  command: z.union([z.string().min(1), z.array(z.string()).min(1)]).describe('e.g. "node agents/generate-handler.mjs"; relative to the workspace.'),
  cwd: z.string().optional().describe('Working folder, relative to the workspace.'),
  env: z.record(z.string(), z.string()).optional(),
});

/** `executor: {type: http, url, headers?}`. */
export const httpExecutorSchema = openObject({
  type: z.literal('http'),
  url: z.url({ protocol: /^https?$/ }),
  headers: z.record(z.string(), z.string()).optional(),
});

/** How an agent runs. */
export const executorSchema = z.discriminatedUnion('type', [builtinExecutorSchema, commandExecutorSchema, httpExecutorSchema]);

/** How failed skills are retried. */
export const retrySchema = openObject({
  skillRetryCount: z.number().int().min(0).max(100).optional().describe('Retries after the first attempt.'),
  backoffMs: z.number().int().min(0).optional(),
  backoffFactor: z.number().min(1).optional(),
});

/** One agent. */
export const agentSchema = openObject({
  id: z.string().min(1),
  name: z.string().optional(),
  description: z.string().optional(),
  roles: stringListSchema.min(1).describe('Roles the agent plays, e.g. backend-developer.'),
  skills: stringListSchema.optional().describe('Skills it may run; anything else is a scope violation.'),
  executor: executorSchema,
  timeoutMs: z.number().int().positive().optional(),
  retry: retrySchema.optional(),
  concurrency: z.number().int().positive().optional().describe('Most executions at once; 1 when absent.'),
});

/** `agents.yaml`. */
export const agentsFileSchema = openObject({
  agents: z.array(agentSchema),
});

/** A valid agents.yaml. */
export type AgentsFile = z.infer<typeof agentsFileSchema>;
/** One agent entry of a valid agents.yaml. */
export type AgentEntry = z.infer<typeof agentSchema>;
