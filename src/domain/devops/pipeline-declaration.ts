import type { JsonObject } from '../events/envelope.js';

/** How long a probe may run when the declaration does not say. */
export const defaultProbeTimeoutMs = 5000;

/** How long a service may take to answer when the declaration does not say. */
export const defaultServiceTimeoutMs = 2000;

/**
 * A pipeline command: its program must be found (on PATH, or relative to the workspace); the
 * probe, when there is one, must exit 0 within the timeout. The command itself is never run.
 * A string runs through the shell; a list runs without one (as in agents.yaml).
 */
export interface PipelineCommand {
  name: string;
  command: string | string[];
  probe?: string | string[];
  timeoutMs: number;
}

/** An environment variable the pipeline needs set (and not empty). Its value is never recorded. */
export interface EnvironmentRequirement {
  name: string;
  description?: string;
}

/** A service the pipeline talks to: a TCP port that accepts a connection, or a URL that answers GET below 500. */
export type ServiceEndpoint =
  | { name: string; kind: 'tcp'; host: string; port: number; timeoutMs: number }
  | { name: string; kind: 'http'; url: string; timeoutMs: number };

/** An environment the sprint's output deploys to, with its constraints. */
export interface DeploymentEnvironment {
  name: string;
  url?: string;
  requiresApproval: boolean;
  constraints: JsonObject;
}

/** Where and under which constraints the sprint's output may deploy. */
export interface DeploymentConstraints {
  environments: DeploymentEnvironment[];
  constraints: JsonObject;
}

/** `planning/pipeline.yaml`, normalised: what the DevOps readiness check verifies, and the deployment constraints it records. */
export interface PipelineDeclaration {
  commands: PipelineCommand[];
  environment: EnvironmentRequirement[];
  services: ServiceEndpoint[];
  deployment: DeploymentConstraints;
}

/** `host:port` or `url`, for messages. */
export function describeEndpoint(service: ServiceEndpoint): string {
  return service.kind === 'tcp' ? `${service.host.includes(':') ? `[${service.host}]` : service.host}:${service.port}` : service.url;
}
