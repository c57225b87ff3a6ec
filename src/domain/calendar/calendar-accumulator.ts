import type { StoredEvent } from '../events/envelope.js';
import { EventType } from '../events/event-type.js';
import type { AgentCalendar, CalendarTime, IdleGap, MilestoneCalendar, ReleaseCalendar, SprintCalendar } from './calendar-time.js';

/** A person's events that end a wait (pausing, rewinding or aborting starts or ends a sprint's work instead). */
const unblockingTypes: ReadonlySet<string> = new Set([
  EventType.ApprovalGranted,
  EventType.ApprovalRejected,
  EventType.RetryRequested,
  EventType.OverrideApplied,
  EventType.SprintResumed,
  EventType.ManualApproval,
]);

const executionEnds: ReadonlySet<string> = new Set([EventType.AgentExecutionCompleted, EventType.AgentSkillFailed]);

interface SprintTrack {
  calendar: SprintCalendar;
  running: Set<string>;
  lastAt?: string;
  lastType?: string;
}

interface AgentTrack {
  executions: number;
  failed: number;
  totalMs: number;
  maxMs: number;
}

/**
 * Calendar time kept current event by event (see `calendarTime`). Events must come in position
 * order; labels that are not ISO dates leave the durations they bound null.
 */
export class CalendarAccumulator {
  private readonly sprints = new Map<string, SprintTrack>();
  private readonly milestones = new Map<string, MilestoneCalendar>();
  private readonly agents = new Map<string, AgentTrack>();
  private readonly releases: ReleaseCalendar[] = [];

  add(event: StoredEvent): void {
    if (event.sprintId !== undefined) this.addToSprint(this.sprint(event.sprintId), event);
    if (executionEnds.has(event.type) && event.agentId !== undefined) this.addExecution(event.agentId, event);
    switch (event.type) {
      case EventType.MilestoneStarted:
        if (event.milestoneId !== undefined) {
          const milestone = this.milestone(event.milestoneId);
          milestone.startedAt ??= event.occurredAt;
        }
        break;
      case EventType.MilestoneCompleted:
        if (event.milestoneId !== undefined) {
          const milestone = this.milestone(event.milestoneId);
          milestone.completedAt = event.occurredAt;
          milestone.durationMs = between(milestone.startedAt, event.occurredAt);
        }
        break;
      case EventType.ReleaseTriggered:
        this.releases.push(releaseOf(event));
        break;
      case EventType.VersionTagged:
        for (const release of this.releases) {
          if (release.measuredBy === null && release.milestoneId === (event.milestoneId ?? null)) {
            release.durationMs = between(release.triggeredAt, event.occurredAt);
            release.measuredBy = release.durationMs === null ? null : 'VersionTagged';
          }
        }
        break;
      default:
        break;
    }
  }

  /** A copy of what is known so far, sprints and milestones in the order they first appeared. */
  view(): CalendarTime {
    return {
      sprints: [...this.sprints.values()].map(({ calendar }) => ({ ...calendar, idle: [...calendar.idle] })),
      milestones: [...this.milestones.values()].map((milestone) => ({ ...milestone })),
      agents: [...this.agents].map(([agentId, track]): AgentCalendar => ({
        agentId,
        executions: track.executions,
        failed: track.failed,
        totalMs: track.totalMs,
        meanMs: track.executions === 0 ? 0 : Math.round(track.totalMs / track.executions),
        maxMs: track.maxMs,
      })),
      releases: this.releases.map((release) => ({ ...release })),
    };
  }

  private addToSprint(track: SprintTrack, event: StoredEvent): void {
    const { calendar } = track;
    switch (event.type) {
      case EventType.SprintPlanned:
        calendar.startedAt ??= event.occurredAt;
        break;
      case EventType.SprintClosed:
      case EventType.SprintAborted:
        calendar.endedAt = event.occurredAt;
        calendar.endedBy = event.type;
        calendar.durationMs = between(calendar.startedAt, event.occurredAt);
        break;
      case EventType.AgentExecutionStarted:
        if (event.executionId !== undefined) track.running.add(event.executionId);
        break;
      default:
        if (executionEnds.has(event.type)) {
          if (event.executionId !== undefined) track.running.delete(event.executionId);
          calendar.executions++;
          calendar.agentMs += event.durationMs ?? 0;
        }
        break;
    }
    if (unblockingTypes.has(event.type) && track.running.size === 0 && track.lastAt !== undefined) {
      const durationMs = between(track.lastAt, event.occurredAt);
      if (durationMs !== null && durationMs > 0) {
        const gap: IdleGap = { from: track.lastAt, to: event.occurredAt, durationMs, waitingSince: track.lastType ?? '', endedBy: event.type };
        calendar.idle.push(gap);
        calendar.idleMs += durationMs;
      }
    }
    track.lastAt = event.occurredAt;
    track.lastType = event.type;
  }

  private addExecution(agentId: string, event: StoredEvent): void {
    let track = this.agents.get(agentId);
    if (track === undefined) {
      track = { executions: 0, failed: 0, totalMs: 0, maxMs: 0 };
      this.agents.set(agentId, track);
    }
    const duration = event.durationMs ?? 0;
    track.executions++;
    if (event.type === EventType.AgentSkillFailed) track.failed++;
    track.totalMs += duration;
    track.maxMs = Math.max(track.maxMs, duration);
  }

  private sprint(sprintId: string): SprintTrack {
    let track = this.sprints.get(sprintId);
    if (track === undefined) {
      const calendar: SprintCalendar = { sprintId, startedAt: null, endedAt: null, endedBy: null, durationMs: null, executions: 0, agentMs: 0, idleMs: 0, idle: [] };
      track = { calendar, running: new Set() };
      this.sprints.set(sprintId, track);
    }
    return track;
  }

  private milestone(milestoneId: string): MilestoneCalendar {
    let milestone = this.milestones.get(milestoneId);
    if (milestone === undefined) {
      milestone = { milestoneId, startedAt: null, completedAt: null, durationMs: null };
      this.milestones.set(milestoneId, milestone);
    }
    return milestone;
  }
}

/** A ReleaseTriggered's run, measured from what the event itself carries when it carries it. */
function releaseOf(event: StoredEvent): ReleaseCalendar {
  const release: ReleaseCalendar = { eventId: event.eventId, milestoneId: event.milestoneId ?? stringOf(event.data['milestoneId']), triggeredAt: event.occurredAt, durationMs: null, measuredBy: null };
  if (event.durationMs !== undefined) return { ...release, durationMs: event.durationMs, measuredBy: 'durationMs' };
  const finished = stringOf(event.data['finishedAt']) ?? stringOf(event.data['completedAt']);
  const measured = between(stringOf(event.data['startedAt']) ?? event.occurredAt, finished);
  return measured === null ? release : { ...release, durationMs: measured, measuredBy: 'data' };
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Milliseconds from one ISO label to another; null when either is missing or not a date. */
function between(from: string | null | undefined, to: string | null | undefined): number | null {
  if (from == null || to == null) return null;
  const start = Date.parse(from);
  const end = Date.parse(to);
  return Number.isNaN(start) || Number.isNaN(end) ? null : Math.max(0, end - start);
}
