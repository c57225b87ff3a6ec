import type { EventType } from './event-type.js';

/** JSON-safe values: what an event's `data` may hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Scope fields an event carries where they apply (DESIGN.md section 4). */
export interface EventScope {
  sprintId?: string;
  milestoneId?: string;
  featureId?: string;
  agentId?: string;
  skillId?: string;
  moduleId?: string;
  executionId?: string;
  durationMs?: number;
  reason?: string;
}

/** The scope field names, in the order they are written. */
export const eventScopeKeys = [
  'sprintId',
  'milestoneId',
  'featureId',
  'agentId',
  'skillId',
  'moduleId',
  'executionId',
  'durationMs',
  'reason',
] as const satisfies readonly (keyof EventScope)[];

/**
 * An event as a caller proposes it to the store: ids and the calendar label are given by the caller
 * (the domain never reads a clock); the store assigns `version`, `position`, `prevHash` and `hash`.
 */
export interface ProposedEvent<T extends EventType = EventType> extends EventScope {
  /** Unique id; also the idempotency key: appending an id already stored is a no-op. */
  eventId: string;
  type: T;
  /** Calendar label only (ISO-8601); logical time is `position`. */
  occurredAt: string;
  traceId: string;
  /** Defaults to `eventId`. */
  correlationId?: string;
  /** The eventId that caused this one; `null` for an outside cause. */
  causationId?: string | null;
  /** Defaults to `default`. */
  tenantId?: string;
  /** Defaults to `default`. */
  projectId?: string;
  data: JsonObject;
}

/** An event as stored in the log: the full envelope, part of the hash chain. */
export interface StoredEvent<T extends EventType = EventType> extends EventScope {
  eventId: string;
  type: T;
  streamId: string;
  /** Version within its stream, from 1. */
  version: number;
  /** Global position, from 1: the logical clock. */
  position: number;
  occurredAt: string;
  traceId: string;
  correlationId: string;
  causationId: string | null;
  tenantId: string;
  projectId: string;
  data: JsonObject;
  /** Hash of the event at `position - 1`; 64 zeros for the first event. */
  prevHash: string;
  /** sha256 over `prevHash` and the canonical JSON of this event without `hash`. */
  hash: string;
}

/** The `prevHash` of the first event in a log. */
export const genesisHash = '0'.repeat(64);
