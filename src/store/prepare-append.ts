import { UsageError } from '../domain/errors/index.js';
import { canonicalJson, eventScopeKeys, isEventType, type ProposedEvent } from '../domain/events/index.js';
import type { AppendOptions, ExpectedVersion } from './event-store.js';
import { InvalidEventError } from './invalid-event-error.js';
import { createEventTemplate, type EventEnvelope, type EventTemplate } from './seal-event.js';

/** An append call checked at the store's edge, with the envelope defaults filled. */
export interface PreparedAppend {
  readonly streamId: string;
  readonly expectedVersion: ExpectedVersion;
  readonly events: readonly EventTemplate[];
}

/** Envelope defaults the store fills in (DESIGN.md section 4). */
export const envelopeDefaults = { tenantId: 'default', projectId: 'default', causationId: null } as const;

const requiredStrings = ['eventId', 'traceId', 'occurredAt'] as const;
const scopeStrings = eventScopeKeys.filter((key) => key !== 'durationMs' && key !== 'reason');
const proposedKeys: ReadonlySet<string> = new Set<string>([
  ...requiredStrings, 'type', 'correlationId', 'causationId', 'tenantId', 'projectId', 'data', ...eventScopeKeys,
]);
const maxDataDepth = 64;

/**
 * Checks an append call and fills the envelope defaults (correlationId = eventId, causationId = null,
 * tenantId and projectId = `default`). Throws `InvalidEventError` naming the first problem, or
 * `UsageError` for a malformed `expectedVersion`; nothing is written in either case.
 */
export function prepareAppend(streamId: unknown, events: unknown, options: AppendOptions = {}): PreparedAppend {
  const stream = typeof streamId === 'string' ? streamId : String(streamId);
  if (typeof streamId !== 'string' || streamId === '' || !isWellFormed(streamId)) {
    throw new InvalidEventError(stream, null, 'the stream id must be a non-empty, well-formed string');
  }
  const expectedVersion = checkExpectedVersion(stream, options.expectedVersion);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidEventError(stream, null, 'an append needs a non-empty array of events');
  }
  const templates: EventTemplate[] = [];
  const seen = events.length > 1 ? new Set<string>() : null;
  for (let index = 0; index < events.length; index++) {
    const template = prepareEvent(stream, index, events[index] as unknown);
    const eventId = template.envelope.eventId;
    if (seen !== null) {
      if (seen.has(eventId)) throw new InvalidEventError(stream, index, `eventId ${JSON.stringify(eventId)} appears twice in one append`);
      seen.add(eventId);
    }
    templates.push(template);
  }
  return { streamId: stream, expectedVersion, events: templates };
}

function checkExpectedVersion(streamId: string, expected: unknown): ExpectedVersion {
  if (expected === undefined || expected === 'any') return 'any';
  if (expected === 'no-stream') return 'no-stream';
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return expected;
  throw new UsageError(
    `cannot append to stream ${JSON.stringify(streamId)}: expectedVersion must be a whole number from 0, 'no-stream' or 'any', not ${describe(expected)}`,
  );
}

const optionalStrings = ['correlationId', 'tenantId', 'projectId', ...scopeStrings] as const;

function refuse(streamId: string, index: number, proposed: unknown, problem: string): never {
  const id = isRecord(proposed) && typeof proposed.eventId === 'string' ? ` (${proposed.eventId})` : '';
  throw new InvalidEventError(streamId, index, `${problem}${id}`);
}

function prepareEvent(streamId: string, index: number, proposed: unknown): EventTemplate {
  const fail = (problem: string): never => refuse(streamId, index, proposed, problem);
  if (!isPlainObject(proposed)) return fail(`an event must be an object, not ${describe(proposed)}`);
  for (const key in proposed) {
    if (!proposedKeys.has(key)) {
      fail(`unknown field ${JSON.stringify(key)} (the store assigns streamId, version, position, prevHash and hash)`);
    }
  }
  const event = proposed as Partial<Record<keyof ProposedEvent, unknown>>;
  for (const key of requiredStrings) {
    const value = event[key];
    if (!isNonEmptyString(value)) fail(`${key} must be a non-empty string, not ${describe(value)}`);
    // These two are also stored in their own columns, as UTF-8, which cannot hold a lone surrogate.
    else if ((key === 'eventId' || key === 'occurredAt') && !isWellFormed(value)) fail(`${key} holds a lone surrogate (not valid UTF-16)`);
  }
  if (typeof event.type !== 'string' || !isEventType(event.type)) {
    fail(`type ${describe(event.type)} is not an event type of the catalog`);
  }
  for (const key of optionalStrings) {
    const value = event[key];
    if (value !== undefined && !isNonEmptyString(value)) fail(`${key} must be a non-empty string when given, not ${describe(value)}`);
  }
  if (event.causationId !== undefined && event.causationId !== null && !isNonEmptyString(event.causationId)) {
    fail(`causationId must be an eventId or null, not ${describe(event.causationId)}`);
  }
  if (event.reason !== undefined && typeof event.reason !== 'string') fail(`reason must be a string, not ${describe(event.reason)}`);
  if (event.durationMs !== undefined && !(typeof event.durationMs === 'number' && Number.isFinite(event.durationMs) && event.durationMs >= 0)) {
    fail(`durationMs must be a finite number from 0, not ${describe(event.durationMs)}`);
  }
  if (!isPlainObject(event.data)) return fail(`data must be a JSON object, not ${describe(event.data)}`);
  const problem = findJsonProblem(event.data, 0);
  if (problem !== null) fail(`data${problem.path.join('')} ${problem.message}`);

  const p = proposed as unknown as ProposedEvent;
  const envelope: EventEnvelope = {
    eventId: p.eventId,
    type: p.type,
    streamId,
    occurredAt: p.occurredAt,
    traceId: p.traceId,
    correlationId: p.correlationId ?? p.eventId,
    causationId: p.causationId ?? envelopeDefaults.causationId,
    tenantId: p.tenantId ?? envelopeDefaults.tenantId,
    projectId: p.projectId ?? envelopeDefaults.projectId,
    data: p.data,
  };
  for (const key of eventScopeKeys) {
    const value = p[key];
    if (value !== undefined) (envelope as unknown as Record<string, unknown>)[key] = value;
  }
  return createEventTemplate(envelope, canonicalJson(p.data));
}

interface JsonProblem {
  /** Where, as path segments (`.key`, `[3]`), innermost last. */
  path: string[];
  message: string;
}

/** Finds the first member of `value` that JSON cannot carry unchanged; builds a path only for it. */
function findJsonProblem(value: unknown, depth: number): JsonProblem | null {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return null;
    case 'number':
      return Number.isFinite(value) ? null : { path: [], message: `is ${String(value)}, which JSON cannot hold` };
    case 'object': {
      if (value === null) return null;
      if (depth >= maxDataDepth) return { path: [], message: `is nested deeper than ${maxDataDepth} levels (a cycle?)` };
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          const problem = item === undefined ? { path: [], message: 'is undefined, which JSON cannot hold' } : findJsonProblem(item, depth + 1);
          if (problem !== null) {
            problem.path.unshift(`[${i}]`);
            return problem;
          }
        }
        return null;
      }
      if (!isPlainObject(value)) return { path: [], message: `is ${describe(value)}, not a plain JSON object` };
      for (const key in value) {
        const item = value[key];
        // An undefined member is left out, as JSON.stringify does.
        if (item === undefined) continue;
        const problem = findJsonProblem(item, depth + 1);
        if (problem !== null) {
          problem.path.unshift(`.${key}`);
          return problem;
        }
      }
      return null;
    }
    default:
      return { path: [], message: `is ${describe(value)}, which JSON cannot hold` };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value) || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

// With the u flag a surrogate pair is one code point, so this matches only lone surrogates, which
// SQLite's UTF-8 columns could not keep. (Inside the JSON text they are escaped and kept.)
const loneSurrogate = /\p{Cs}/u;

function isWellFormed(text: string): boolean {
  return !loneSurrogate.test(text);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') {
    const name = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name;
    return name !== undefined && name !== 'Object' ? `a ${name}` : 'an object';
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value === 'undefined' ? 'missing' : `a ${typeof value}`;
}
