import { firstString, isRecord, readList, readStrings, type JsonRecord } from '../evidence/read-json.js';
import { parseGateCondition, type GateRef } from '../gates/gate-catalog.js';
import { ConcurrencyPolicy } from '../planning/sprint.js';
import type { TriggerRecord } from './board.js';

/** A sprint as its SprintPlanned event describes it. */
export interface PlannedSprint {
  milestoneId?: string;
  moduleId?: string;
  features: string[];
  agents: string[];
  gates: GateRef[];
  approvalRequired: boolean;
  /** Proposed by the planner (`sprint-plan.yaml`) rather than written by a person. */
  proposed: boolean;
  concurrencyPolicy: ConcurrencyPolicy;
}

/** A milestone as its MilestonePlanCreated event describes it. */
export interface PlannedMilestone {
  name?: string;
  gates: GateRef[];
  triggers: TriggerRecord[];
  requiredFeatures: string[];
  parallelStreams: string[];
  allowsDeferred: boolean;
  versionTag?: string;
}

/** Reads a SprintPlanned payload (the spec's: sprintId, milestone, features, agents; plus gates and governance). */
export function plannedSprint(data: JsonRecord, envelope: { milestoneId?: string | undefined; moduleId?: string | undefined }): PlannedSprint {
  const planned: PlannedSprint = {
    features: readStrings(data['features']),
    agents: readStrings(data['agents'] ?? data['agentRoles']),
    gates: readGates(data['gates'] ?? data['gateConditions']),
    approvalRequired: data['approvalRequired'] === true || (isRecord(data['governance']) && data['governance']['approvalRequired'] === true),
    proposed: data['proposed'] === true,
    concurrencyPolicy: data['concurrencyPolicy'] === ConcurrencyPolicy.Isolated ? ConcurrencyPolicy.Isolated : ConcurrencyPolicy.Shared,
  };
  const milestoneId = envelope.milestoneId ?? firstString(data, ['milestone', 'milestoneId', 'milestoneRef']);
  if (milestoneId !== undefined) planned.milestoneId = milestoneId;
  const moduleId = envelope.moduleId ?? firstString(data, ['module', 'moduleId']);
  if (moduleId !== undefined) planned.moduleId = moduleId;
  return planned;
}

/** Reads a MilestonePlanCreated payload (as `declaredPlanEvents` writes it). */
export function plannedMilestone(data: JsonRecord): PlannedMilestone {
  const planned: PlannedMilestone = {
    gates: readGates(data['gateConditions'] ?? data['gates']),
    triggers: readList(data['triggers']).flatMap(readTrigger),
    requiredFeatures: readStrings(data['requiredFeatures'] ?? data['features']),
    parallelStreams: readStrings(data['parallelStreams']),
    allowsDeferred: data['allowsDeferred'] === true || data['deferredAllowed'] === true,
  };
  const name = firstString(data, ['name']);
  if (name !== undefined) planned.name = name;
  const versionTag = firstString(data, ['versionTag']);
  if (versionTag !== undefined) planned.versionTag = versionTag;
  return planned;
}

/** Gate conditions as written; one that no longer parses is kept as an unknown gate, which fails closed. */
function readGates(value: unknown): GateRef[] {
  return readList(value).map((raw) => {
    const parsed = parseGateCondition(raw);
    return parsed.ok ? parsed.ref : { gate: JSON.stringify(raw), written: JSON.stringify(raw) };
  });
}

function readTrigger(raw: unknown): TriggerRecord[] {
  if (!isRecord(raw)) return [];
  const event = firstString(raw, ['event', 'on']);
  const next = firstString(raw, ['next', 'then']);
  if (event === undefined || next === undefined) return [];
  const trigger: TriggerRecord = { event, next };
  if (raw['condition'] !== undefined) {
    const parsed = parseGateCondition(raw['condition']);
    trigger.condition = parsed.ok ? parsed.ref : { gate: String(raw['condition']), written: String(raw['condition']) };
  }
  return [trigger];
}
