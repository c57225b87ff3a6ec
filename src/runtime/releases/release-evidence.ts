import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EventType, type JsonValue, type StoredEvent } from '../../domain/events/index.js';
import { auditEntry, type AuditEntry, type Board } from '../../domain/orchestrator/index.js';
import { releaseArtifactPaths, releaseSprints, type LogPoint, type SealedSecurityAudit } from '../../domain/release/index.js';
import { hashWorkspaceFile } from '../../integrations/index.js';
import type { EventStore } from '../../store/index.js';

/** What a release reads from the log up to one position: its ends, the governance decisions, and when each milestone completed. */
export interface LogEvidence {
  from: LogPoint;
  to: LogPoint;
  decisions: AuditEntry[];
  completed: Map<string, { eventId: string; position: number; occurredAt: string }>;
}

const pageSize = 1000;

/** One pass over the log from the start to `until`: undefined for an empty log. */
export async function readLogEvidence(store: EventStore, until: number): Promise<LogEvidence | undefined> {
  let first: StoredEvent | undefined;
  let last: StoredEvent | undefined;
  const decisions: AuditEntry[] = [];
  const completed = new Map<string, { eventId: string; position: number; occurredAt: string }>();
  for (let from = 1; from <= until; ) {
    const page = await store.readAll({ fromPosition: from, limit: Math.min(pageSize, until - from + 1) });
    if (page.length === 0) break;
    for (const event of page) {
      first ??= event;
      last = event;
      const entry = auditEntry(event);
      if (entry !== undefined) decisions.push(entry);
      if (event.type === EventType.MilestoneCompleted && event.milestoneId !== undefined && !completed.has(event.milestoneId)) {
        completed.set(event.milestoneId, { eventId: event.eventId, position: event.position, occurredAt: event.occurredAt });
      }
    }
    from = (page.at(-1) as StoredEvent).position + 1;
  }
  if (first === undefined || last === undefined) return undefined;
  return { from: pointOf(first), to: pointOf(last), decisions, completed };
}

function pointOf(event: StoredEvent): LogPoint {
  return { position: event.position, eventId: event.eventId, hash: event.hash };
}

/** The sha256 of every file the milestone's evidence says agents produced (null for a missing one). */
export async function hashReleaseArtifacts(workspace: string, board: Board, milestoneId: string): Promise<Record<string, string | null>> {
  const hashes: Record<string, string | null> = {};
  for (const path of releaseArtifactPaths(board, milestoneId)) hashes[path] = await hashWorkspaceFile(workspace, path);
  return hashes;
}

/** Each sprint's `execution/<sprintId>/security/security-audit.json`: its hash and content. */
export async function readSecurityAudits(workspace: string, board: Board, milestoneId: string): Promise<SealedSecurityAudit[]> {
  const milestone = board.milestones.get(milestoneId);
  if (milestone === undefined) return [];
  const audits: SealedSecurityAudit[] = [];
  for (const sprint of releaseSprints(board, milestone)) {
    const path = `execution/${sprint.id}/security/security-audit.json`;
    const sha256 = await hashWorkspaceFile(workspace, path);
    audits.push({ sprintId: sprint.id, path, sha256, audit: sha256 === null ? null : await readJson(join(workspace, path)) });
  }
  return audits;
}

async function readJson(path: string): Promise<JsonValue | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as JsonValue;
  } catch {
    return null;
  }
}
