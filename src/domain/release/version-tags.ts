import type { Board } from '../orchestrator/board.js';
import { parseVersionTemplate, renderVersionTemplate, type VersionPlaceholder, type VersionTemplate } from './version-template.js';

/** `major.minor.patch`. */
export interface SemanticVersion {
  major: number;
  minor: number;
  patch: number;
}

/** How version tags are formed (`versioning:` of `planning/pipeline.yaml`, defaults filled). */
export interface VersioningSettings {
  /** The image name when a sprint names no module (and for milestones). */
  service: string;
  /** The first milestone's version. */
  baseVersion: SemanticVersion;
  milestoneTemplate: VersionTemplate;
  sprintTemplate: VersionTemplate;
  /** The templates as written, for the release manifest. */
  written: { milestoneTag: string; sprintTag: string; baseVersion: string };
}

/** The default templates: the spec's `booking-service:1.0.0-mvp-v1-trace123` and `booking-service:1.0.1-sprint3`. */
export const defaultVersionTemplates = { milestoneTag: '{service}:{version}-{milestoneTag}-{trace}', sprintTag: '{service}:{version}-{sprint}', baseVersion: '1.0.0' } as const;

/** What the tags are computed from: the plan as the board holds it. */
export interface VersionPlan {
  /** In plan order. */
  milestones: readonly { id: string; versionTag?: string | undefined; traceId: string; sprints: readonly string[] }[];
  sprints: readonly { id: string; milestoneId?: string | undefined; moduleId?: string | undefined; traceId: string }[];
}

/** The version tag of a milestone or a sprint. */
export interface VersionTag {
  kind: 'milestone' | 'sprint';
  id: string;
  milestoneId?: string;
  version: string;
  /** The image reference (`booking-service:1.0.0-mvp-v1-trace123`). */
  tag: string;
}

/** Settings from what a file wrote; undefined members take the defaults. Throws on an invalid template (validate the file first). */
export function resolveVersioningSettings(written: { service?: string; baseVersion?: string; milestoneTag?: string; sprintTag?: string }, defaultService: string): VersioningSettings {
  const texts = {
    milestoneTag: written.milestoneTag ?? defaultVersionTemplates.milestoneTag,
    sprintTag: written.sprintTag ?? defaultVersionTemplates.sprintTag,
    baseVersion: written.baseVersion ?? defaultVersionTemplates.baseVersion,
  };
  const base = parseSemanticVersion(texts.baseVersion);
  if (base === undefined) throw new Error(`resolveVersioningSettings needs a validated baseVersion, got ${texts.baseVersion}`);
  return {
    service: kebabCase(written.service ?? defaultService),
    baseVersion: base,
    milestoneTemplate: parsedOrThrow(texts.milestoneTag),
    sprintTemplate: parsedOrThrow(texts.sprintTag),
    written: texts,
  };
}

function parsedOrThrow(text: string): VersionTemplate {
  const parsed = parseVersionTemplate(text);
  if (!Array.isArray(parsed)) throw new Error(`resolveVersioningSettings needs validated templates: ${text}`);
  return parsed as VersionTemplate;
}

/** `1.2.3` → its numbers; undefined for anything else. */
export function parseSemanticVersion(text: string): SemanticVersion | undefined {
  const match = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/.exec(text.trim());
  if (match === null) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

/** `BookingService` → `booking-service`, `Notification Service` → `notification-service`. */
export function kebabCase(text: string): string {
  const words = text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
  return words.length === 0 ? 'service' : words.join('-').toLowerCase();
}

/** The plan the board holds: milestones in plan order with their sprints, and every sprint. */
export function versionPlanOf(board: Board): VersionPlan {
  const milestones = board.milestoneOrder.flatMap((id) => {
    const milestone = board.milestones.get(id);
    return milestone === undefined ? [] : [planMilestone(milestone)];
  });
  return { milestones, sprints: [...board.sprints.values()].map(planSprint) };
}

/**
 * The version tags of every milestone and sprint of the plan. Milestone number k (plan order,
 * from 0) is version `major.(minor+k).patch` of `baseVersion`; the j-th sprint of that milestone
 * (from 1) is `major.(minor+k).(patch+j)`; a sprint of no milestone counts among those with none.
 * Deterministic: the same plan and settings give the same tags.
 *
 * @example versionTags(versionPlanOf(board), settings).find((tag) => tag.id === 'mvp-core')?.tag // 'booking-service:1.0.0-mvp-v1-trace123'
 */
export function versionTags(plan: VersionPlan, settings: VersioningSettings): VersionTag[] {
  const tags: VersionTag[] = plan.milestones.map((milestone, index) => milestoneVersionTag(milestone, index, settings));
  const milestoneIndex = new Map(plan.milestones.map((milestone, index) => [milestone.id, index]));
  const milestones = new Map(plan.milestones.map((milestone) => [milestone.id, milestone]));
  let loose = 0;
  for (const sprint of plan.sprints) {
    const milestone = sprint.milestoneId === undefined ? undefined : milestones.get(sprint.milestoneId);
    const place = milestone?.sprints.indexOf(sprint.id) ?? -1;
    tags.push(sprintVersionTag(sprint, milestone, milestone === undefined ? 0 : (milestoneIndex.get(milestone.id) ?? 0), place === -1 ? loose++ : place, settings));
  }
  return tags;
}

/**
 * The version tags of one sprint and its milestone, read from the board without computing the
 * others' (for the execution context of each agent run). Equal to what `versionTags` gives them.
 */
export function sprintVersionTags(board: Board, sprintId: string, settings: VersioningSettings): { sprint?: VersionTag; milestone?: VersionTag } {
  const record = board.sprints.get(sprintId);
  if (record === undefined) return {};
  const milestoneRecord = record.milestoneId === undefined ? undefined : board.milestones.get(record.milestoneId);
  const index = milestoneRecord === undefined ? -1 : board.milestoneOrder.indexOf(milestoneRecord.id);
  const place = milestoneRecord === undefined ? -1 : milestoneRecord.sprints.indexOf(sprintId);
  const plan = index === -1 || place === -1 ? versionPlanOf(board) : undefined;
  if (plan !== undefined) {
    // A sprint outside its milestone's list, or of no milestone: counted among the loose ones.
    const tags = versionTags(plan, settings);
    const sprint = versionTagOf(tags, 'sprint', sprintId);
    const milestone = record.milestoneId === undefined ? undefined : versionTagOf(tags, 'milestone', record.milestoneId);
    return { ...(sprint === undefined ? {} : { sprint }), ...(milestone === undefined ? {} : { milestone }) };
  }
  const milestone = planMilestone(milestoneRecord as NonNullable<typeof milestoneRecord>);
  return {
    sprint: sprintVersionTag(planSprint(record), milestone, index, place, settings),
    milestone: milestoneVersionTag(milestone, index, settings),
  };
}

type PlanMilestone = VersionPlan['milestones'][number];
type PlanSprint = VersionPlan['sprints'][number];

function planMilestone(milestone: { id: string; versionTag?: string | undefined; traceId: string; sprints: readonly string[] }): PlanMilestone {
  return { id: milestone.id, traceId: milestone.traceId, sprints: milestone.sprints, ...(milestone.versionTag === undefined ? {} : { versionTag: milestone.versionTag }) };
}

function planSprint(sprint: { id: string; milestoneId?: string | undefined; moduleId?: string | undefined; traceId: string }): PlanSprint {
  return {
    id: sprint.id,
    traceId: sprint.traceId,
    ...(sprint.milestoneId === undefined ? {} : { milestoneId: sprint.milestoneId }),
    ...(sprint.moduleId === undefined ? {} : { moduleId: sprint.moduleId }),
  };
}

/** The tag of the milestone at `index` in plan order. */
function milestoneVersionTag(milestone: PlanMilestone, index: number, settings: VersioningSettings): VersionTag {
  const { major, minor, patch } = settings.baseVersion;
  const version = `${major}.${minor + index}.${patch}`;
  const values = placeholders({ service: settings.service, version, milestoneTag: milestone.versionTag ?? milestone.id, milestone: milestone.id, sprint: '', trace: milestone.traceId });
  return { kind: 'milestone', id: milestone.id, version, tag: renderVersionTemplate(settings.milestoneTemplate, values) };
}

/** The tag of a sprint at `place` (from 0) among its milestone's sprints (or the loose ones), that milestone at `index`. */
function sprintVersionTag(sprint: PlanSprint, milestone: PlanMilestone | undefined, index: number, place: number, settings: VersioningSettings): VersionTag {
  const { major, minor, patch } = settings.baseVersion;
  const version = `${major}.${minor + index}.${patch + place + 1}`;
  const values = placeholders({
    service: sprint.moduleId === undefined ? settings.service : kebabCase(sprint.moduleId),
    version,
    milestoneTag: milestone?.versionTag ?? milestone?.id ?? '',
    milestone: milestone?.id ?? '',
    sprint: sprint.id,
    trace: sprint.traceId,
  });
  const tag: VersionTag = { kind: 'sprint', id: sprint.id, version, tag: renderVersionTemplate(settings.sprintTemplate, values) };
  if (sprint.milestoneId !== undefined) tag.milestoneId = sprint.milestoneId;
  return tag;
}

function placeholders(raw: Record<VersionPlaceholder, string>): Record<VersionPlaceholder, string> {
  return { ...raw, sprint: compact(raw.sprint), trace: compact(raw.trace) };
}

/** Separators dropped: `sprint-3` → `sprint3`, `trace-123` → `trace123`. */
function compact(text: string): string {
  return text.replace(/[^A-Za-z0-9]/g, '');
}

/** The tag of one milestone or sprint, when the plan has it. */
export function versionTagOf(tags: readonly VersionTag[], kind: VersionTag['kind'], id: string): VersionTag | undefined {
  return tags.find((tag) => tag.kind === kind && tag.id === id);
}
