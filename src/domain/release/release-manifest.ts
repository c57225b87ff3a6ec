import type { JsonValue } from '../events/envelope.js';
import type { ProducedFile, SecurityEvidence } from '../evidence/scope-evidence.js';
import type { GateResult } from '../gates/gate-result.js';
import type { AuditEntry } from '../orchestrator/audit-entry.js';
import type { Board, MilestoneRecord, SprintRecord } from '../orchestrator/board.js';
import type { OrchestratorConfig } from '../orchestrator/orchestrator-config.js';
import { milestoneEvidence, sprintsOf } from '../orchestrator/milestone-evidence.js';
import { boardMachineOf } from '../orchestrator/reaction.js';
import { sprintTraceMatrix, type SprintTraceMatrix } from '../trace/sprint-trace-matrix.js';
import { versionPlanOf, versionTags, type VersioningSettings, type VersionTag } from './version-tags.js';

/** The file name of a milestone's manifest, its detached signature and the public key that checks it. */
export const releaseFiles = { manifest: 'release-manifest.json', signature: 'release-manifest.json.sig', publicKey: 'release-manifest.pub.pem' } as const;

/** A point of the log: the manifest covers the log from `from` to `to`, both included. */
export interface LogPoint {
  position: number;
  eventId: string;
  hash: string;
}

/** A file an agent produced, as sealed: its sha256 then (null when it was already gone). */
export interface SealedArtifact {
  path: string;
  sha256: string | null;
  agentId?: string;
  skillId?: string;
  executionId?: string;
  /** The features whose evidence names it, sorted. */
  features: string[];
}

/** A sprint's `execution/<sprintId>/security/security-audit.json`, as sealed. */
export interface SealedSecurityAudit {
  sprintId: string;
  path: string;
  sha256: string | null;
  /** The file's content (null when absent or not JSON). */
  audit: JsonValue | null;
}

/** `releases/<milestoneId>/release-manifest.json`: the sealed evidence of a completed milestone. */
export interface ReleaseManifest {
  kind: 'kairos.release-manifest';
  manifestVersion: 1;
  milestone: {
    id: string;
    name?: string;
    state: string;
    versionTag?: string;
    traceId: string;
    completed?: { eventId: string; position: number; occurredAt: string };
  };
  sprints: { id: string; state: string; traceId: string; moduleId?: string; features: string[] }[];
  /** One per sprint, as `sprintTraceMatrix` makes it. */
  traceMatrices: SprintTraceMatrix[];
  /** Every gate result with its evidence: the milestone's last evaluation and each sprint's. */
  gates: { milestone: GateResult[]; sprints: Record<string, GateResult[]> };
  approvals: { governanceMode: string; decisions: AuditEntry[] };
  security: { audits: SealedSecurityAudit[]; evidence: SecurityEvidence };
  versions: { settings: VersioningSettings['written'] & { service: string }; milestone?: VersionTag; sprints: VersionTag[]; imageIds: string[] };
  agents: { agentId: string; skills: string[]; executions: string[]; artifacts: string[] }[];
  artifacts: SealedArtifact[];
  log: { from: LogPoint; to: LogPoint };
  signature: { algorithm: 'Ed25519'; keyId: string; publicKey: string; file: string };
}

/** What `releaseManifest` is built from besides the board: what the shell read from the log and the disk. */
export interface ReleaseInputs {
  config: OrchestratorConfig;
  versioning: VersioningSettings;
  governanceMode: string;
  /** Governance decisions of the log up to `log.to` (any subject: those of the milestone and its sprints are kept). */
  decisions: readonly AuditEntry[];
  /** sha256 of each path `releaseArtifactPaths` named; null when the file is missing. */
  hashes: Readonly<Record<string, string | null>>;
  securityAudits: readonly SealedSecurityAudit[];
  completed?: { eventId: string; position: number; occurredAt: string };
  log: { from: LogPoint; to: LogPoint };
  keyId: string;
}

/** The sprints of a milestone the board knows, in planning order. */
export function releaseSprints(board: Board, milestone: MilestoneRecord): SprintRecord[] {
  return milestone.sprints.flatMap((id) => {
    const sprint = board.sprints.get(id);
    return sprint === undefined ? [] : [sprint];
  });
}

/** The files the milestone's evidence says agents produced (its own and its sprints'), by path, latest attribution first. */
function producedFiles(board: Board, milestone: MilestoneRecord): Map<string, { file: ProducedFile; features: Set<string> }> {
  const files = new Map<string, { file: ProducedFile; features: Set<string> }>();
  const scopes = [milestone.evidence, ...releaseSprints(board, milestone).map((sprint) => sprint.evidence)];
  for (const evidence of scopes) {
    const note = (file: ProducedFile, featureId: string | undefined): void => {
      const known = files.get(file.path);
      if (known === undefined) files.set(file.path, { file, features: new Set(featureId === undefined ? [] : [featureId]) });
      else {
        if (file.position > known.file.position) known.file = file;
        if (featureId !== undefined) known.features.add(featureId);
      }
    };
    for (const feature of Object.values(evidence.features)) for (const file of feature.files) note(file, feature.featureId);
    for (const file of evidence.unattributed.files) note(file, undefined);
  }
  return files;
}

/** The workspace paths whose hashes a manifest of the milestone seals, sorted: the shell hashes them. */
export function releaseArtifactPaths(board: Board, milestoneId: string): string[] {
  const milestone = board.milestones.get(milestoneId);
  return milestone === undefined ? [] : [...producedFiles(board, milestone).keys()].sort();
}

/**
 * The release manifest of a milestone: a pure function of the board and what the shell read, so
 * replaying the log to `log.to` and hashing the files again rebuilds it member for member (that is
 * how `kairos verify-release` checks one).
 *
 * @throws Error when the board does not know the milestone.
 */
export function releaseManifest(board: Board, milestoneId: string, inputs: ReleaseInputs): ReleaseManifest {
  const milestone = board.milestones.get(milestoneId);
  if (milestone === undefined) throw new Error(`releaseManifest: milestone ${milestoneId} is not on the board`);
  const sprints = releaseSprints(board, milestone);
  const stateOf = (record: MilestoneRecord | SprintRecord): string => boardMachineOf(board, inputs.config, record.instance)?.states[record.instance.state] ?? `#${record.instance.state}`;
  const subjects = new Set([milestoneId, ...milestone.sprints]);
  const tags = versionTags(versionPlanOf(board), inputs.versioning);
  const files = producedFiles(board, milestone);
  const artifacts = [...files.keys()].sort().map((path): SealedArtifact => {
    const { file, features } = files.get(path) as { file: ProducedFile; features: Set<string> };
    const sealed: SealedArtifact = { path, sha256: inputs.hashes[path] ?? null, features: [...features].sort() };
    if (file.agentId !== undefined) sealed.agentId = file.agentId;
    if (file.skillId !== undefined) sealed.skillId = file.skillId;
    if (file.executionId !== undefined) sealed.executionId = file.executionId;
    return sealed;
  });
  const manifest: ReleaseManifest = {
    kind: 'kairos.release-manifest',
    manifestVersion: 1,
    milestone: { id: milestoneId, state: stateOf(milestone), traceId: milestone.traceId },
    sprints: sprints.map((sprint) => ({ id: sprint.id, state: stateOf(sprint), traceId: sprint.traceId, ...(sprint.moduleId === undefined ? {} : { moduleId: sprint.moduleId }), features: [...sprint.features] })),
    traceMatrices: sprints.map((sprint) => sprintTraceMatrix(sprint)),
    gates: { milestone: [...(milestone.lastGates ?? [])], sprints: Object.fromEntries(sprints.map((sprint) => [sprint.id, [...(sprint.lastGates ?? [])]])) },
    approvals: { governanceMode: inputs.governanceMode, decisions: inputs.decisions.filter((entry) => subjects.has(entry.subject)) },
    security: { audits: [...inputs.securityAudits], evidence: milestoneEvidence(milestone, sprintsOf(board)).security },
    versions: {
      settings: { ...inputs.versioning.written, service: inputs.versioning.service },
      sprints: tags.filter((tag) => tag.kind === 'sprint' && subjects.has(tag.id)),
      imageIds: [...new Set(sprints.flatMap((sprint) => Object.values(sprint.evidence.features).flatMap((feature) => feature.imageIds)))].sort(),
    },
    agents: agentsOf(artifacts),
    artifacts,
    log: inputs.log,
    signature: { algorithm: 'Ed25519', keyId: inputs.keyId, publicKey: releaseFiles.publicKey, file: releaseFiles.signature },
  };
  const milestoneTag = tags.find((tag) => tag.kind === 'milestone' && tag.id === milestoneId);
  if (milestoneTag !== undefined) manifest.versions.milestone = milestoneTag;
  if (milestone.name !== undefined) manifest.milestone.name = milestone.name;
  if (milestone.versionTag !== undefined) manifest.milestone.versionTag = milestone.versionTag;
  if (inputs.completed !== undefined) manifest.milestone.completed = inputs.completed;
  return manifest;
}

/** Agents with the skills and executions their artifacts name, and those artifacts' paths. */
function agentsOf(artifacts: readonly SealedArtifact[]): ReleaseManifest['agents'] {
  const agents = new Map<string, { skills: Set<string>; executions: Set<string>; artifacts: string[] }>();
  for (const artifact of artifacts) {
    const agentId = artifact.agentId ?? 'unattributed';
    let agent = agents.get(agentId);
    if (agent === undefined) {
      agent = { skills: new Set(), executions: new Set(), artifacts: [] };
      agents.set(agentId, agent);
    }
    if (artifact.skillId !== undefined) agent.skills.add(artifact.skillId);
    if (artifact.executionId !== undefined) agent.executions.add(artifact.executionId);
    agent.artifacts.push(artifact.path);
  }
  return [...agents.keys()].sort().map((agentId) => {
    const agent = agents.get(agentId) as { skills: Set<string>; executions: Set<string>; artifacts: string[] };
    return { agentId, skills: [...agent.skills].sort(), executions: [...agent.executions].sort(), artifacts: agent.artifacts };
  });
}
