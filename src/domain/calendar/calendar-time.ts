import type { StoredEvent } from '../events/envelope.js';
import { CalendarAccumulator } from './calendar-accumulator.js';

/** A stretch of calendar time in which a sprint did nothing until a person acted. */
export interface IdleGap {
  /** When the sprint's last event before the wait occurred. */
  from: string;
  /** When the person's event came. */
  to: string;
  durationMs: number;
  /** The type of the sprint's last event before the wait (`ApprovalRequested`, `AgentSkillFailed`, …). */
  waitingSince: string;
  /** The person's event that ended it (`ApprovalGranted`, `RetryRequested`, …). */
  endedBy: string;
}

/** One sprint in calendar time. */
export interface SprintCalendar {
  sprintId: string;
  /** The first SprintPlanned's label; null when the log holds none. */
  startedAt: string | null;
  /** SprintClosed's or SprintAborted's label; null while open. */
  endedAt: string | null;
  endedBy: string | null;
  /** `endedAt - startedAt`; null while open. */
  durationMs: number | null;
  /** Agent executions that ended for it, and their summed `durationMs`. */
  executions: number;
  agentMs: number;
  /** Summed idle gaps. */
  idleMs: number;
  idle: IdleGap[];
}

/** One milestone in calendar time: MilestoneStarted → MilestoneCompleted. */
export interface MilestoneCalendar {
  milestoneId: string;
  startedAt: string | null;
  completedAt: string | null;
  durationMs: number | null;
}

/** One agent's executions (AgentExecutionCompleted and AgentSkillFailed `durationMs`). */
export interface AgentCalendar {
  agentId: string;
  executions: number;
  failed: number;
  totalMs: number;
  meanMs: number;
  maxMs: number;
}

/**
 * One CI/CD run, from a ReleaseTriggered event: its runtime from the event's `durationMs`, else its
 * data's `startedAt`/`finishedAt` (or `completedAt`), else until the milestone's next VersionTagged.
 */
export interface ReleaseCalendar {
  eventId: string;
  milestoneId: string | null;
  triggeredAt: string;
  durationMs: number | null;
  /** Where the runtime comes from: `durationMs`, `data`, `VersionTagged`, or null while unknown. */
  measuredBy: 'durationMs' | 'data' | 'VersionTagged' | null;
}

/** Calendar time of a whole log, for `kairos status --json` and Studio. JSON-safe. */
export interface CalendarTime {
  sprints: SprintCalendar[];
  milestones: MilestoneCalendar[];
  agents: AgentCalendar[];
  releases: ReleaseCalendar[];
}

/**
 * The calendar time of `events` (a log read in position order). To keep it current while the log
 * grows, use a `CalendarAccumulator` and `add` each new event.
 *
 * @example calendarTime(await store.readAll()).sprints[0]?.durationMs
 */
export function calendarTime(events: Iterable<StoredEvent>): CalendarTime {
  const accumulator = new CalendarAccumulator();
  for (const event of events) accumulator.add(event);
  return accumulator.view();
}
