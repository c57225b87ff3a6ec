import { EventType } from '../events/event-type.js';

/** The events the spec maps to pipelines (MilestoneCompleted → release, SprintClosed → build, …). */
export const pipelineTriggerEvents: readonly string[] = [EventType.MilestoneCompleted, EventType.SprintClosed, EventType.ArtifactReady, EventType.PlanningResumed];

/** What a pipeline runs: a command in the workspace, or a webhook that receives a CloudEvent. */
export type PipelineTarget =
  | { kind: 'command'; command: string | readonly string[] }
  | { kind: 'webhook'; url: string; headers: Readonly<Record<string, string>> };

/** One entry of `pipelines:` (`planning/pipeline.yaml`), defaults filled. */
export interface PipelineDefinition {
  name: string;
  /** Event types that run it; a milestone trigger whose `next` is its name runs it too. */
  on: readonly string[];
  target: PipelineTarget;
  /** Attempts after the first when the command fails or the webhook answers 5xx/429 or cannot be reached. */
  retries: number;
  /** Wait before the second attempt; doubled for each next one. */
  backoffMs: number;
  /** Bound of one attempt. */
  timeoutMs: number;
}

/** Defaults of a pipeline's retry and timeout settings. */
export const pipelineDefaults = { retries: 2, backoffMs: 1000, timeoutMs: 600_000 } as const;
