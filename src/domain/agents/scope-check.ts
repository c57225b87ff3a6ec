import type { JsonObject } from '../events/envelope.js';
import { reportedPaths, type PathCarrier } from './reported-paths.js';
import { reservedFor } from './reserved-event-types.js';
import { isWithinFolder, resolvePosixPath } from './workspace-path.js';

/** The scope rules an agent's output is checked against (DESIGN.md section 8). */
export const ScopeRule = {
  /** A report names a skill that is not one of the agent's `skills`. */
  SkillNotAllowed: 'skill-not-allowed',
  /** A report names another sprint than the execution's. */
  OtherSprint: 'other-sprint',
  /** A report names another milestone than the execution's sprint's (or any, when it has none). */
  OtherMilestone: 'other-milestone',
  /** A report names a feature outside the execution's features. */
  FeatureOutOfScope: 'feature-out-of-scope',
  /** A file named by the output is outside the workspace: absolute elsewhere, `..` out of it, or a symlink out of it. */
  PathOutsideWorkspace: 'path-outside-workspace',
  /** A report is of a type the orchestrator, the planning files, a person or the runtime records, not an agent. */
  ReservedEventType: 'reserved-event-type',
} as const;
export type ScopeRule = (typeof ScopeRule)[keyof typeof ScopeRule];

/** One breach of a scope rule, with a sentence saying where and what. */
export interface ScopeViolation extends JsonObject {
  rule: ScopeRule;
  detail: string;
}

/** What an execution may touch. */
export interface ExecutionScope {
  sprintId: string;
  milestoneId?: string | undefined;
  features: readonly string[];
  allowedSkills: readonly string[];
  /** The workspace folder, absolute. */
  workspace: string;
}

/** A report as the scope rules read it. */
export interface ScopedReport extends PathCarrier {
  featureId?: string;
  skillId?: string;
}

/** What an execution produced, and what the shell found out about the files it names. */
export interface AgentOutput {
  reports: readonly ScopedReport[];
  artifacts?: readonly string[] | undefined;
  /** The real location (symlinks resolved) of each named file the shell could resolve, by the path as named. */
  realPaths?: ReadonlyMap<string, string>;
  /** The workspace's real location. */
  realWorkspace?: string | undefined;
}

/**
 * Checks an execution's output against its scope: the skills it may use, its sprint, milestone
 * and features, the workspace it may write in, and the event types an agent may report. Returns
 * every violation found (empty when the output is in scope), in the order of the output.
 *
 * @example
 * checkScope({ sprintId: 's1', features: ['A'], allowedSkills: ['Work'], workspace: '/ws' },
 *   { reports: [{ type: 'ArtifactProduced', data: { path: '../x' } }] })
 * // [{ rule: 'path-outside-workspace', detail: 'report 1 (ArtifactProduced) data.path "../x" escapes the workspace' }]
 */
export function checkScope(scope: ExecutionScope, output: AgentOutput): ScopeViolation[] {
  const violations: ScopeViolation[] = [];
  const skills = new Set(scope.allowedSkills);
  const features = new Set(scope.features);
  output.reports.forEach((report, index) => {
    const label = `report ${index + 1} (${report.type})`;
    const data: JsonObject = report.data ?? {};
    const reserved = reservedFor(report.type);
    if (reserved !== undefined) violations.push({ rule: ScopeRule.ReservedEventType, detail: `${label}: ${report.type} is recorded by ${reservedBy[reserved]}, not reported by an agent` });
    for (const skillId of distinctStrings([report.skillId, data['skillId']])) {
      if (!skills.has(skillId)) violations.push({ rule: ScopeRule.SkillNotAllowed, detail: `${label} names skill ${skillId}, not one of the agent's skills (${listed(scope.allowedSkills)})` });
    }
    const sprintId = data['sprintId'];
    if (typeof sprintId === 'string' && sprintId !== scope.sprintId) violations.push({ rule: ScopeRule.OtherSprint, detail: `${label} names sprint ${sprintId}; the execution runs in sprint ${scope.sprintId}` });
    for (const milestoneId of distinctStrings([data['milestoneId'], data['milestone']])) {
      if (milestoneId === scope.milestoneId) continue;
      const own = scope.milestoneId === undefined ? `sprint ${scope.sprintId} belongs to no milestone` : `sprint ${scope.sprintId} belongs to milestone ${scope.milestoneId}`;
      violations.push({ rule: ScopeRule.OtherMilestone, detail: `${label} names milestone ${milestoneId}; ${own}` });
    }
    const listedFeatures = Array.isArray(data['features']) ? data['features'] : [];
    for (const featureId of distinctStrings([report.featureId, data['featureId'], ...listedFeatures])) {
      if (!features.has(featureId)) violations.push({ rule: ScopeRule.FeatureOutOfScope, detail: `${label} names feature ${featureId}, outside the execution's features (${listed(scope.features)})` });
    }
  });
  for (const { path, where } of reportedPaths(output.reports, output.artifacts)) {
    const problem = pathProblem(scope.workspace, path, output);
    if (problem !== undefined) violations.push({ rule: ScopeRule.PathOutsideWorkspace, detail: `${where} ${JSON.stringify(path)} ${problem}` });
  }
  return violations;
}

/** How many violations a summary names before it says "and n more". */
const summarised = 1;

/**
 * The reason of the AgentSkillFailed that rejects an output: `scope violation: ` and the first
 * violation, with how many more there are.
 */
export function scopeViolationReason(violations: readonly ScopeViolation[]): string {
  const first = violations.slice(0, summarised).map((violation) => violation.detail).join('; ');
  const more = violations.length - summarised;
  return `scope violation: ${first}${more > 0 ? ` (and ${more} more)` : ''}`;
}

const reservedBy = {
  plan: 'kairos plan from the planning files',
  orchestrator: 'the orchestrator',
  person: 'a person (a kairos control)',
  runtime: 'the runtime around each execution',
} as const;

/** Why a named file is outside the workspace, if it is. */
function pathProblem(workspace: string, path: string, output: AgentOutput): string | undefined {
  const resolved = resolvePosixPath(workspace, path);
  const real = output.realWorkspace;
  if (!isWithinFolder(workspace, resolved) && (real === undefined || !isWithinFolder(real, resolved))) {
    return path.startsWith('/') ? 'is outside the workspace' : 'escapes the workspace';
  }
  const target = output.realPaths?.get(path);
  if (target !== undefined && real !== undefined && !isWithinFolder(real, target)) return `resolves through a symlink to ${target}, outside the workspace`;
  return undefined;
}

/** The strings among `values`, each once, in order. */
function distinctStrings(values: readonly unknown[]): string[] {
  return [...new Set(values.filter((value): value is string => typeof value === 'string'))];
}

function listed(names: readonly string[]): string {
  return names.length === 0 ? 'none' : names.join(', ');
}
