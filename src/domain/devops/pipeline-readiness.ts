import type { JsonObject } from '../events/envelope.js';
import type { PipelineDeclaration } from './pipeline-declaration.js';
import { ReadinessStatus, type ReadinessCheck } from './readiness-check.js';

/** Who and when a readiness run is for. */
export interface ReadinessScope {
  sprintId: string;
  milestoneId?: string;
  traceId: string;
  /** Calendar label of the run (ISO-8601); a label only, like every time in Kairos. */
  checkedAt: string;
  /** The declaration read, workspace-relative; `undefined` when the workspace declares none. */
  source?: string;
}

/** The message a sprint's infra readiness carries when the workspace declares no pipeline. */
export const noPipelineNote = 'no pipeline declared (planning/pipeline.yaml is absent): nothing to check';

/** Is every check ok? */
export function isReady(checks: readonly ReadinessCheck[]): boolean {
  return checks.every((check) => check.status === ReadinessStatus.Ok);
}

/**
 * What is not ready, one clause per check that is not ok, in declaration order.
 *
 * @example 'command deploy: kubectl not found on PATH; environment DEPLOY_TOKEN: not set'
 */
export function describeNotReady(checks: readonly ReadinessCheck[]): string {
  return checks
    .filter((check) => check.status !== ReadinessStatus.Ok)
    .map((check) => `${check.kind} ${check.name}: ${check.detail}`)
    .join('; ');
}

/** `execution/<sprintId>/pipeline-status.yaml`: every check with its status, detail and duration. */
export function pipelineStatusDocument(scope: ReadinessScope, checks: readonly ReadinessCheck[], note?: string): JsonObject {
  const counts = { ok: 0, missing: 0, failed: 0 };
  for (const check of checks) counts[check.status]++;
  return {
    ...header(scope),
    status: isReady(checks) ? 'ready' : 'notReady',
    ...(note === undefined ? {} : { note }),
    summary: counts,
    checks: checks.map((check) => ({ name: check.name, kind: check.kind, status: check.status, detail: check.detail, durationMs: check.durationMs })),
  };
}

/** `execution/<sprintId>/deployment-constraints.yaml`: the declared environments and constraints, normalised. */
export function deploymentConstraintsDocument(scope: ReadinessScope, declaration: PipelineDeclaration | undefined): JsonObject {
  const deployment = declaration?.deployment ?? { environments: [], constraints: {} };
  return {
    ...header(scope),
    environments: deployment.environments.map((environment) => ({
      name: environment.name,
      ...(environment.url === undefined ? {} : { url: environment.url }),
      requiresApproval: environment.requiresApproval,
      constraints: environment.constraints,
    })),
    constraints: deployment.constraints,
  };
}

function header(scope: ReadinessScope): JsonObject {
  return {
    sprintId: scope.sprintId,
    ...(scope.milestoneId === undefined ? {} : { milestoneId: scope.milestoneId }),
    traceId: scope.traceId,
    checkedAt: scope.checkedAt,
    source: scope.source ?? null,
  };
}
