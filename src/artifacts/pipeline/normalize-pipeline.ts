import type { JsonObject } from '../../domain/events/envelope.js';
import { defaultProbeTimeoutMs, defaultServiceTimeoutMs, parseHostPort, type PipelineCommand, type PipelineDeclaration, type ServiceEndpoint } from '../../domain/devops/index.js';
import { omitUndefined } from '../normalize/omit-undefined.js';
import { entryName, type PipelineFile } from './pipeline-schema.js';

/** Turns a validated `pipeline.yaml` into the declaration the readiness check runs, defaults filled in. */
export function normalizePipeline(file: PipelineFile): PipelineDeclaration {
  return {
    commands: (file.commands ?? []).map((entry): PipelineCommand => {
      const name = entryName('commands', entry) as string;
      if (typeof entry === 'string') return { name, command: entry.trim(), timeoutMs: defaultProbeTimeoutMs };
      return { name, command: entry.command, ...omitUndefined({ probe: entry.probe }), timeoutMs: entry.timeoutMs ?? defaultProbeTimeoutMs };
    }),
    environment: (file.environment ?? []).map((entry) => (typeof entry === 'string' ? { name: entry } : { name: entry.name, ...omitUndefined({ description: entry.description }) })),
    services: (file.services ?? []).map((entry): ServiceEndpoint => {
      const timeoutMs = entry.timeoutMs ?? defaultServiceTimeoutMs;
      if (entry.http !== undefined) return { name: entry.name, kind: 'http', url: entry.http, timeoutMs };
      const endpoint = parseHostPort(entry.tcp ?? '');
      if (typeof endpoint === 'string') throw new Error(`normalizePipeline needs a validated file: ${endpoint}`);
      return { name: entry.name, kind: 'tcp', host: endpoint.host, port: endpoint.port, timeoutMs };
    }),
    deployment: {
      environments: (file.deployment?.environments ?? []).map((entry) =>
        typeof entry === 'string'
          ? { name: entry.trim(), requiresApproval: false, constraints: {} }
          : { name: entry.name, ...omitUndefined({ url: entry.url }), requiresApproval: entry.requiresApproval ?? false, constraints: (entry.constraints ?? {}) as JsonObject },
      ),
      constraints: (file.deployment?.constraints ?? {}) as JsonObject,
    },
  };
}
