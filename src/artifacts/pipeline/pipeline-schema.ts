import { z } from 'zod';
import { parseHostPort } from '../../domain/devops/index.js';
import { isRecord } from '../schema/is-record.js';
import { gitSettingsSchema } from '../git-settings/git-settings-schema.js';
import { openObject } from '../schema/open-object.js';
import { commandLineSchema, commandStringSchema } from './command-line-schema.js';
import { pipelineTriggerListSchema, versioningSchema } from './release-settings-schema.js';

export { commandLineSchema } from './command-line-schema.js';

const whenRecord = { when: (payload: { value: unknown }) => isRecord(payload.value) };

/** A timeout in milliseconds: the readiness check is a quick look, never a build. */
export const readinessTimeoutSchema = z.number().int().positive().max(120_000).describe('Milliseconds; at most 120000.');

/** One pipeline command: the command line alone, or with a name, a probe and a timeout. */
export const pipelineCommandSchema = z.union([
  commandStringSchema,
  openObject({
    name: z.string().trim().min(1).optional().describe('Defaults to the command line.'),
    command: commandLineSchema.describe('The pipeline command; its program must be found on PATH or in the workspace. It is not run.'),
    probe: commandLineSchema.optional().describe('Run with the timeout (e.g. "node --version"); must exit 0.'),
    timeoutMs: readinessTimeoutSchema.optional().describe('How long the probe may run (default 5000).'),
  }),
]);

const environmentName = z.string().superRefine((name, context) => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) context.addIssue({ code: 'custom', message: `environment variable names are letters, digits and _ (not starting with a digit), got ${JSON.stringify(name)}` });
});

/** An environment variable that must be set: its name, or a map with a description. */
export const environmentRequirementSchema = z.union([environmentName, openObject({ name: environmentName, description: z.string().optional() })]);

/** A service the pipeline needs: `tcp: host:port` or `http: url`. */
export const serviceSchema = openObject({
  name: z.string().trim().min(1),
  tcp: z
    .string()
    .superRefine((text, context) => {
      const parsed = parseHostPort(text);
      if (typeof parsed === 'string') context.addIssue({ code: 'custom', message: parsed });
    })
    .optional()
    .describe('host:port that must accept a TCP connection.'),
  http: z.url({ protocol: /^https?$/ }).optional().describe('URL that must answer GET with a status below 500.'),
  timeoutMs: readinessTimeoutSchema.optional().describe('How long to wait for an answer (default 2000).'),
}).superRefine((service, context) => {
  const given = ['tcp', 'http'].filter((key) => service[key] !== undefined);
  if (given.length === 0) context.addIssue({ code: 'custom', path: [], message: `service ${String(service.name)} needs tcp: host:port or http: url` });
  if (given.length > 1) context.addIssue({ code: 'custom', path: ['http'], message: `service ${String(service.name)} has both tcp and http; declare one per service` });
}, whenRecord);

/** Constraint values: anything JSON can hold (`minReplicas: 2`, `regions: [eu-west-1]`). */
const constraintsSchema = z.record(z.string(), z.json());

/** An environment the output deploys to: its name, or a map with URL, approval and constraints. */
export const deploymentEnvironmentSchema = z.union([
  z.string().trim().min(1),
  openObject({
    name: z.string().trim().min(1),
    url: z.string().optional(),
    requiresApproval: z.boolean().optional().describe('Deploying here waits for a person (default false).'),
    constraints: constraintsSchema.optional(),
  }),
]);

/**
 * `planning/pipeline.yaml`: what the devops-readiness agent checks, the deployment constraints it
 * records, how version tags are formed and which pipelines events run.
 */
export const pipelineFileSchema = openObject({
  commands: z.array(pipelineCommandSchema).optional().describe('Pipeline commands whose programs must be found; probes must exit 0.'),
  environment: z.array(environmentRequirementSchema).optional().describe('Environment variables that must be set (values are never recorded).'),
  services: z.array(serviceSchema).optional().describe('Endpoints that must answer.'),
  deployment: openObject({
    environments: z.array(deploymentEnvironmentSchema).optional(),
    constraints: constraintsSchema.optional(),
  }).optional(),
  versioning: versioningSchema.optional().describe('How version tags are formed (kairos version-tag, the execution context, release manifests).'),
  pipelines: pipelineTriggerListSchema.optional().describe('CI/CD pipelines run on events (MilestoneCompleted, SprintClosed, ArtifactReady, PlanningResumed) or by a milestone trigger naming them.'),
  git: gitSettingsSchema.optional().describe('The git repository Kairos reads for the trace, and whether it tags closed sprints and completed milestones.'),
}).superRefine((file, context) => {
  const lists: [string, unknown][] = [
    ['commands', file.commands],
    ['environment', file.environment],
    ['services', file.services],
  ];
  for (const [key, list] of lists) {
    if (!Array.isArray(list)) continue;
    const seen = new Map<string, number>();
    list.forEach((entry: unknown, index) => {
      const name = entryName(key, entry);
      if (name === undefined) return;
      const first = seen.get(name);
      if (first === undefined) seen.set(name, index);
      else context.addIssue({ code: 'custom', path: [key, index], message: `duplicate ${key === 'environment' ? 'environment variable' : key.slice(0, -1)} ${name} (first at ${key}[${first}]); names must be unique` });
    });
  }
}, whenRecord);

/** The name a check of this entry gets: its `name`, else the command line or the variable. */
export function entryName(key: string, entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry.trim();
  if (!isRecord(entry)) return undefined;
  if (typeof entry.name === 'string') return entry.name.trim();
  if (key !== 'commands') return undefined;
  const command = entry.command;
  if (typeof command === 'string') return command.trim();
  if (Array.isArray(command)) return command.map(String).join(' ');
  return undefined;
}

/** A valid pipeline.yaml. */
export type PipelineFile = z.infer<typeof pipelineFileSchema>;
