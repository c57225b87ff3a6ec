/**
 * DevOps readiness: the pure core of the built-in `devops-readiness` agent. What a workspace
 * declares about its pipeline (`planning/pipeline.yaml`: commands and their probes, environment
 * variables, services, deployment constraints), how a command line names its program, and how the
 * checks' results become pipeline-status.yaml, deployment-constraints.yaml and the reason a sprint
 * is not ready. Finding programs, running probes and connecting to services is the shell's job.
 */
export { commandWords, programOf, shellBuiltins } from './command-words.js';
export { parseHostPort, type HostPort } from './parse-endpoint.js';
export {
  defaultProbeTimeoutMs,
  defaultServiceTimeoutMs,
  describeEndpoint,
  type DeploymentConstraints,
  type DeploymentEnvironment,
  type EnvironmentRequirement,
  type PipelineCommand,
  type PipelineDeclaration,
  type ServiceEndpoint,
} from './pipeline-declaration.js';
export { deploymentConstraintsDocument, describeNotReady, isReady, noPipelineNote, pipelineStatusDocument, type ReadinessScope } from './pipeline-readiness.js';
export { ReadinessKind, ReadinessStatus, type ReadinessCheck } from './readiness-check.js';
