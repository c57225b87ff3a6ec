import { z } from 'zod';
import { builtinSecurityCheckName, builtinSecurityCheckNames, confirmedGates, describeGlobProblem, describeRegexProblem, securitySeverities } from '../../domain/security-policy/index.js';
import { didYouMean } from '../../domain/text/closest-match.js';
import { commandLineSchema } from '../pipeline/pipeline-schema.js';
import { isRecord } from '../schema/is-record.js';
import { openObject } from '../schema/open-object.js';

const whenRecord = { when: (payload: { value: unknown }) => isRecord(payload.value) };

/** One glob, or several, relative to the workspace and never leaving it. */
export const globListSchema = z.union([z.string(), z.array(z.string()).min(1)]).superRefine((value, context) => {
  const globs = typeof value === 'string' ? [value] : value;
  globs.forEach((glob, index) => {
    const problem = describeGlobProblem(glob);
    if (problem !== undefined) context.addIssue({ code: 'custom', path: typeof value === 'string' ? [] : [index], message: problem });
  });
});

/** One regular expression (JavaScript syntax), or several; each must compile. */
export const regexListSchema = z.union([z.string(), z.array(z.string()).min(1)]).superRefine((value, context) => {
  const patterns = typeof value === 'string' ? [value] : value;
  patterns.forEach((pattern, index) => {
    const problem = describeRegexProblem(pattern);
    if (problem !== undefined) context.addIssue({ code: 'custom', path: typeof value === 'string' ? [] : [index], message: problem });
  });
});

/** One plain substring, or several. */
export const substringListSchema = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const patternKeys = ['files', 'exclude', 'mustMatch', 'mustNotMatch', 'mustContain', 'mustNotContain', 'everyFile', 'ignoreCase'] as const;
const lookKeys = ['mustMatch', 'mustNotMatch', 'mustContain', 'mustNotContain'] as const;

/** A check written out: a built-in by `name` with some fields replaced, or a rule of the workspace's own. */
export const securityCheckEntrySchema = openObject({
  name: z.string().trim().min(1).describe('Shown in security-audit.json; a built-in name gives the built-in rule as defaults.'),
  description: z.string().optional(),
  severity: z.enum(securitySeverities as [string, ...string[]]).optional().describe('critical (the default for a rule of your own) blocks noCriticalFindings.'),
  confirms: z.enum(confirmedGates as [string, ...string[]]).optional().describe('The gate a pass confirms and a failure denies.'),
  files: globListSchema.optional().describe('Globs of the files to search, relative to the workspace.'),
  exclude: globListSchema.optional().describe('Globs to leave out; replaces the default (node_modules, .git, planning, build output, tests…).'),
  mustMatch: regexListSchema.optional().describe('Regular expressions that must each appear in a selected file (within one line).'),
  mustNotMatch: regexListSchema.optional().describe('Regular expressions that must appear in no selected file.'),
  mustContain: substringListSchema.optional().describe('Plain texts that must each appear in a selected file.'),
  mustNotContain: substringListSchema.optional().describe('Plain texts that must appear in no selected file.'),
  everyFile: z.boolean().optional().describe('The required patterns must appear in each selected file, not just one.'),
  ignoreCase: z.boolean().optional(),
  command: commandLineSchema.optional().describe('A program run in the workspace instead: exit code 0 passes.'),
  timeoutMs: z.number().int().positive().max(600_000).optional().describe('How long the command may run (default 60000).'),
}).superRefine((entry, context) => {
  const name = typeof entry.name === 'string' ? entry.name : '';
  const builtin = builtinSecurityCheckName(name);
  const hasPattern = patternKeys.some((key) => entry[key] !== undefined);
  const looks = lookKeys.some((key) => entry[key] !== undefined);
  if (entry.command !== undefined && hasPattern) {
    const key = patternKeys.find((candidate) => entry[candidate] !== undefined) as string;
    context.addIssue({ code: 'custom', path: [key], message: `check ${name} has both a command and ${key}; a check is a command or a pattern rule` });
  }
  if (entry.timeoutMs !== undefined && entry.command === undefined && builtin === undefined) {
    context.addIssue({ code: 'custom', path: ['timeoutMs'], message: `timeoutMs applies to a command check; check ${name} has no command` });
  }
  if (builtin === undefined && entry.command === undefined && !looks) {
    context.addIssue({
      code: 'custom',
      path: ['name'],
      message: `check ${name} is not a built-in check${didYouMean(name, builtinSecurityCheckNames)} and has no rule: give mustMatch, mustNotMatch, mustContain, mustNotContain or command`,
    });
  }
}, whenRecord);

/** A check: a built-in by name, or written out. */
export const securityCheckSchema = z.union([
  z.string().trim().min(1).superRefine((name, context) => {
    if (builtinSecurityCheckName(name) !== undefined) return;
    context.addIssue({ code: 'custom', message: `no built-in check ${name}${didYouMean(name, builtinSecurityCheckNames)}; built-in checks are ${builtinSecurityCheckNames.join(', ')}, or write a rule as a map with a name` });
  }),
  securityCheckEntrySchema,
]);

/** `planning/security-policy.yaml`: the checks the security-policy-validator agent runs. */
export const securityPolicyFileSchema = openObject({
  checks: z.array(securityCheckSchema).describe('Built-in check names, or rules of the workspace.'),
}).superRefine((file, context) => {
  if (!Array.isArray(file.checks)) return;
  const seen = new Map<string, number>();
  file.checks.forEach((entry: unknown, index) => {
    const name = typeof entry === 'string' ? entry.trim() : isRecord(entry) && typeof entry.name === 'string' ? entry.name.trim() : undefined;
    if (name === undefined) return;
    const first = seen.get(name);
    if (first === undefined) seen.set(name, index);
    else context.addIssue({ code: 'custom', path: ['checks', index], message: `duplicate check ${name} (first at checks[${first}]); names must be unique` });
  });
}, whenRecord);

/** A valid security-policy.yaml. */
export type SecurityPolicyFile = z.infer<typeof securityPolicyFileSchema>;
/** One written-out check of a valid security-policy.yaml. */
export type SecurityCheckEntry = z.infer<typeof securityCheckEntrySchema>;
