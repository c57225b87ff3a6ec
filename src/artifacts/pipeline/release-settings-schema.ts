import { z } from 'zod';
import { isEventType, EventType } from '../../domain/events/event-type.js';
import { pipelineDefaults, pipelineTriggerEvents } from '../../domain/pipelines/index.js';
import { isVersionTemplateError, parseSemanticVersion, parseVersionTemplate } from '../../domain/release/index.js';
import { didYouMean } from '../../domain/text/closest-match.js';
import { openObject } from '../schema/open-object.js';
import { warningIssue } from '../schema/warning-issue.js';
import { commandLineSchema } from './command-line-schema.js';

/** A version tag template (`{service}:{version}-{milestoneTag}-{trace}`), checked placeholder by placeholder. */
const versionTemplateSchema = z.string().superRefine((text, context) => {
  const parsed = parseVersionTemplate(text);
  if (isVersionTemplateError(parsed)) context.addIssue({ code: 'custom', message: `${parsed.message} (character ${parsed.column} of the template)` });
});

/** `versioning:`: how `kairos version-tag` and the execution context form version tags. */
export const versioningSchema = openObject({
  service: z.string().trim().min(1).optional().describe('Image name for milestones and sprints without a module (default: the workspace folder), kebab-cased.'),
  baseVersion: z
    .string()
    .refine((text) => parseSemanticVersion(text) !== undefined, { message: 'expected major.minor.patch, such as 1.0.0' })
    .optional()
    .describe('The first milestone\'s version (default 1.0.0): each next milestone bumps minor, each sprint of a milestone bumps patch.'),
  milestoneTag: versionTemplateSchema.optional().describe('Default {service}:{version}-{milestoneTag}-{trace} (booking-service:1.0.0-mvp-v1-trace123).'),
  sprintTag: versionTemplateSchema.optional().describe('Default {service}:{version}-{sprint} (booking-service:1.0.1-sprint3).'),
});

/** An event a pipeline runs on: any catalog event; the spec's four need no warning. */
const pipelineEventSchema = z.string().superRefine((name, context) => {
  if (!isEventType(name)) {
    context.addIssue({ code: 'custom', message: `unknown event ${name}${didYouMean(name, Object.values(EventType))}; pipelines run on catalog events such as ${pipelineTriggerEvents.join(', ')}` });
  } else if (!pipelineTriggerEvents.includes(name) && name !== EventType.TriggerFired) {
    context.addIssue(warningIssue(`${name} runs this pipeline on every such event; the spec's pipeline events are ${pipelineTriggerEvents.join(', ')}`, []));
  }
});

/** A webhook: its URL, or a map with the URL and headers. */
const webhookSchema = z.union([
  z.url({ protocol: /^https?$/ }),
  openObject({
    url: z.url({ protocol: /^https?$/ }),
    headers: z.record(z.string(), z.string()).optional().describe('Sent with every delivery (Authorization, …).'),
  }),
]);

/** One pipeline: a name, the events that run it, and a command or a webhook. */
export const pipelineTriggerSchema = openObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'pipeline names are letters, digits and . _ - (a milestone trigger\'s next: names one)'),
  on: z.union([pipelineEventSchema, z.array(pipelineEventSchema)]).optional().describe('Events that run it; a milestone trigger whose next: is its name runs it too.'),
  command: commandLineSchema.optional().describe('Run in the workspace with KAIROS_* variables and the CloudEvent on stdin; exit 0 is success.'),
  webhook: webhookSchema.optional().describe('Receives the triggering event as a CloudEvent in binary mode; 2xx is success.'),
  retries: z.number().int().min(0).max(10).optional().describe(`Attempts after the first on failure (default ${pipelineDefaults.retries}).`),
  backoffMs: z.number().int().min(0).max(600_000).optional().describe(`Wait before the second attempt, doubled each next one (default ${pipelineDefaults.backoffMs}).`),
  timeoutMs: z.number().int().positive().max(86_400_000).optional().describe(`Bound of one attempt (default ${pipelineDefaults.timeoutMs}).`),
}).superRefine(
  (entry, context) => {
    const given = ['command', 'webhook'].filter((key) => entry[key] !== undefined);
    if (given.length === 0) context.addIssue({ code: 'custom', path: [], message: `pipeline ${String(entry.name)} needs a command or a webhook` });
    if (given.length > 1) context.addIssue({ code: 'custom', path: ['webhook'], message: `pipeline ${String(entry.name)} has both a command and a webhook; declare one` });
  },
  { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
);

/** `pipelines:`: the list, names unique. */
export const pipelineTriggerListSchema = z.array(pipelineTriggerSchema).superRefine((list, context) => {
  const seen = new Map<string, number>();
  list.forEach((entry, index) => {
    const name = typeof entry.name === 'string' ? entry.name : undefined;
    if (name === undefined) return;
    const first = seen.get(name);
    if (first === undefined) seen.set(name, index);
    else context.addIssue({ code: 'custom', path: [index, 'name'], message: `duplicate pipeline ${name} (first at pipelines[${first}]); names must be unique` });
  });
});
