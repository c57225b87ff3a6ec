import { dirname, join, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import { loadPipeline } from '../../../artifacts/index.js';
import type { Diagnostic } from '../../../domain/errors/index.js';
import {
  deploymentConstraintsDocument,
  describeNotReady,
  isReady,
  noPipelineNote,
  pipelineStatusDocument,
  ReadinessKind,
  ReadinessStatus,
  type PipelineDeclaration,
  type ReadinessCheck,
  type ReadinessScope,
} from '../../../domain/devops/index.js';
import type { JsonObject } from '../../../domain/events/index.js';
import type { ExecutionRequest } from '../../../domain/orchestrator/index.js';
import { sprintStatePath } from '../../orchestrator/sprint-state-path.js';
import { writeFileAtomic } from '../../orchestrator/write-file-atomic.js';
import type { AgentOutcome, AgentRunContext, AgentRunner } from '../agent-runner.js';
import { checkCommand, checkEnvironment, checkService, type CheckContext } from './devops-readiness-checks.js';

/** What the DevOps readiness agent reads from its surroundings; tests give their own. */
export interface DevopsReadinessOptions {
  /** The environment variables checked, and given to probes (with their PATH). Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** The calendar label of a run. Default: the system clock. */
  now?: () => Date;
}

/** The options with their defaults filled in. */
export function resolveDevopsReadinessOptions(options: DevopsReadinessOptions = {}): Required<DevopsReadinessOptions> {
  return { env: options.env ?? process.env, now: options.now ?? (() => new Date()) };
}

/**
 * The built-in DevOps readiness agent (`devops-readiness`): checks what `planning/pipeline.yaml`
 * declares (each command's program is found and its probe exits 0 in time, each environment
 * variable is set, each service answers), writes `execution/<sprintId>/pipeline-status.yaml` and
 * `deployment-constraints.yaml`, and reports SprintInfraReady when all is well. Otherwise the
 * execution fails with a reason naming every check that is not ok (the files are written all the
 * same). A workspace without the file declares no pipeline: the sprint is ready, with a note.
 *
 * @example builtinAgents['devops-readiness'] = createDevopsReadiness();
 */
export function createDevopsReadiness(options: DevopsReadinessOptions = {}): AgentRunner {
  const resolved = resolveDevopsReadinessOptions(options);
  return {
    run: async (request, context) => {
      try {
        return await checkReadiness(request, context, resolved);
      } catch (error) {
        return { status: 'failed', reason: `the readiness check could not finish: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
  };
}

/** The DevOps readiness agent over the process's own environment and clock. */
export const devopsReadiness: AgentRunner = createDevopsReadiness();

async function checkReadiness(request: ExecutionRequest, context: AgentRunContext, options: Required<DevopsReadinessOptions>): Promise<AgentOutcome> {
  const folder = dirname(sprintStatePath(context.workspace, request.sprintId));
  const statusFile = join(folder, 'pipeline-status.yaml');
  const constraintsFile = join(folder, 'deployment-constraints.yaml');
  const shown = (path: string): string => relative(context.workspace, path).split(sep).join('/');
  const loaded = await loadPipeline(context.workspace);
  const scope: ReadinessScope = {
    sprintId: request.sprintId,
    ...(request.milestoneId === undefined ? {} : { milestoneId: request.milestoneId }),
    traceId: request.traceId,
    checkedAt: options.now().toISOString(),
    ...(loaded.status === 'absent' ? {} : { source: shown(loaded.file) }),
  };
  const written = { pipelineStatus: shown(statusFile), deploymentConstraints: shown(constraintsFile) };

  if (loaded.status === 'invalid') {
    const problems = loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => locate(d, shown));
    const declaration: ReadinessCheck = { name: shown(loaded.file), kind: ReadinessKind.Declaration, status: ReadinessStatus.Failed, detail: problems.join('; '), durationMs: 0 };
    await writeYaml(statusFile, pipelineStatusDocument(scope, [declaration]), request);
    return { status: 'failed', reason: `${shown(loaded.file)} is invalid: ${problems.join('; ')}` };
  }

  const declaration = loaded.status === 'valid' ? loaded.pipeline : undefined;
  const checks = declaration === undefined ? [] : await runChecks(declaration, { workspace: context.workspace, env: options.env, signal: context.signal, elapsed: () => performance.now() });
  if (context.signal.aborted) return { status: 'failed', reason: 'interrupted before the readiness checks finished' };
  const note = declaration === undefined ? noPipelineNote : checks.length === 0 ? `${shown(loaded.file)} declares nothing to check` : undefined;
  await writeYaml(statusFile, pipelineStatusDocument(scope, checks, note), request);
  await writeYaml(constraintsFile, deploymentConstraintsDocument(scope, declaration), request);
  if (!isReady(checks)) return { status: 'failed', reason: `pipeline not ready (${written.pipelineStatus}): ${describeNotReady(checks)}` };
  const data: JsonObject = { sprintId: request.sprintId, checks: checks.length, ...written, ...(note === undefined ? {} : { note }) };
  return { status: 'completed', reports: [{ type: 'SprintInfraReady', data }], artifacts: [written.pipelineStatus, written.deploymentConstraints] };
}

/** Every declared check, at once, in declaration order. */
function runChecks(declaration: PipelineDeclaration, context: CheckContext): Promise<ReadinessCheck[]> {
  return Promise.all([
    ...declaration.commands.map((command) => checkCommand(command, context)),
    ...declaration.environment.map((requirement) => checkEnvironment(requirement, context)),
    ...declaration.services.map((service) => checkService(service, context)),
  ]);
}

function writeYaml(path: string, document: JsonObject, request: ExecutionRequest): Promise<void> {
  const header = `# Generated by Kairos (devops-readiness) for sprint ${request.sprintId}; rewritten on every readiness check.\n`;
  return writeFileAtomic(path, header + stringify(document, { lineWidth: 0 }));
}

/** `planning/pipeline.yaml:3:5: error: message`, the way every located problem reads. */
function locate(diagnostic: Diagnostic, shown: (path: string) => string): string {
  return `${shown(diagnostic.file)}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.severity}: ${diagnostic.message}`;
}
