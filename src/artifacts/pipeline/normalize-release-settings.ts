import { pipelineDefaults, type PipelineDefinition } from '../../domain/pipelines/index.js';
import { resolveVersioningSettings, type VersioningSettings } from '../../domain/release/index.js';
import type { PipelineFile } from './pipeline-schema.js';

/** What `planning/pipeline.yaml` says about releases: version tags and the pipelines events run. */
export interface ReleaseSettings {
  versioning: VersioningSettings;
  pipelines: PipelineDefinition[];
}

/** The release settings of a validated `pipeline.yaml` (or of none), defaults filled; `defaultService` names the image when the file does not. */
export function normalizeReleaseSettings(file: PipelineFile | undefined, defaultService: string): ReleaseSettings {
  const versioning = file?.versioning ?? {};
  return {
    versioning: resolveVersioningSettings(
      {
        ...(versioning.service === undefined ? {} : { service: versioning.service }),
        ...(versioning.baseVersion === undefined ? {} : { baseVersion: versioning.baseVersion }),
        ...(versioning.milestoneTag === undefined ? {} : { milestoneTag: versioning.milestoneTag }),
        ...(versioning.sprintTag === undefined ? {} : { sprintTag: versioning.sprintTag }),
      },
      defaultService,
    ),
    pipelines: (file?.pipelines ?? []).map((entry): PipelineDefinition => {
      const on = entry.on === undefined ? [] : typeof entry.on === 'string' ? [entry.on] : [...entry.on];
      const webhook = entry.webhook;
      const target: PipelineDefinition['target'] =
        webhook === undefined
          ? { kind: 'command', command: entry.command as string | string[] }
          : typeof webhook === 'string'
            ? { kind: 'webhook', url: webhook, headers: {} }
            : { kind: 'webhook', url: webhook.url, headers: { ...(webhook.headers ?? {}) } };
      return {
        name: entry.name,
        on,
        target,
        retries: entry.retries ?? pipelineDefaults.retries,
        backoffMs: entry.backoffMs ?? pipelineDefaults.backoffMs,
        timeoutMs: entry.timeoutMs ?? pipelineDefaults.timeoutMs,
      };
    }),
  };
}
