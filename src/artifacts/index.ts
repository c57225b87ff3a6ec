/**
 * Artifacts: the files of a Kairos workspace and the artifacts agents produce. Reads planning YAML
 * and JSON safely, validates each kind against its zod schema (exported as JSON Schema for
 * editors), checks references across files, reports every problem at once as located diagnostics
 * (`file:line:col`, path such as `milestones[0].gateConditions[2]`), and turns valid planning files
 * into the normalised model of `domain/planning`.
 */
export { ArtifactKind, artifactKinds, isArtifactKind } from './artifact-kind.js';
export { artifactJsonSchema } from './json-schema/artifact-json-schema.js';
export { writeJsonSchemas } from './json-schema/write-json-schemas.js';
export { defaultSourceLimits, resolveSourceLimits, type SourceLimits } from './source/source-limits.js';
export { formatPath, type PathSegment } from './source/format-path.js';
export { artifactSchemas, artifactKindTitles, type ArtifactData } from './validation/artifact-schemas.js';
export type { ValidateOptions } from './validation/check-source.js';
export { detectKind } from './validation/detect-kind.js';
export type { FileReport } from './validation/file-report.js';
export { validateFile } from './validation/validate-file.js';
export { validateText } from './validation/validate-text.js';
export { loadWorkspace } from './workspace/load-workspace.js';
export { validateWorkspace } from './workspace/validate-workspace.js';
export type { Workspace } from './workspace/workspace.js';
export type { WorkspaceReport } from './workspace/workspace-report.js';
export { normalizeAgents } from './agents/normalize-agents.js';
export { normalizeFeatures } from './features/normalize-features.js';
export { normalizeGovernance } from './governance/normalize-governance.js';
export { normalizeMilestones } from './milestones/normalize-milestones.js';
export { normalizeSprints } from './sprints/normalize-sprints.js';
export { normalizeStateMachine } from './state-machine/normalize-state-machine.js';
export { builtinAgentNames, BuiltinAgentName } from './agents/builtin-agent-names.js';
export { loadMachines, loadDefaultMachine, type MachineSet } from './state-machine/load-machines.js';
export { loadPipeline, loadReleaseSettings, normalizePipeline, normalizeReleaseSettings, type LoadedPipeline, type ReleaseSettings } from './pipeline/index.js';
export { loadSecurityPolicy, normalizeSecurityPolicy, type LoadedSecurityPolicy } from './security-policy/index.js';
